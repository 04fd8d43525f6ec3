package org.readmission.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the messages stored documents owe and waits until the broker has them all ({@code acks=all}).
 *
 * <p>The consumer's offset is the relay's checkpoint: a batch's offsets are committed only after its messages are
 * published. If the process stops in between, the batch is delivered again; its records are then found stored
 * <em>at the same position</em>, and their stored messages are published again, with the same ce_ids, so consumers
 * see each message once. Documents are written once and never updated for the relay, and nothing scans the store.
 */
@Component
public class OutboxRelay {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;

    public OutboxRelay(KafkaTemplate<String, byte[]> kafka, @Value("${readmission.outbox.publish-timeout:PT30S}") Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** @throws OutboxNotPublishedException when the broker did not take every message in time; the batch is then retried */
    public void publish(List<? extends OutboxCarrier> carriers) {
        CompletableFuture<?>[] sends = carriers.stream().flatMap(c -> c.outbox().stream()).map(this::send).toArray(CompletableFuture[]::new);
        if (sends.length == 0) {
            return;
        }
        try {
            CompletableFuture.allOf(sends).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxNotPublishedException(carriers.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxNotPublishedException(carriers.size(), e);
        }
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, message.key(), message.payload());
        message.headers().forEach(h -> record.headers().add(h.name(), h.value().getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }

    /** The broker did not confirm a batch's messages: nothing is committed, the batch comes again. */
    public static class OutboxNotPublishedException extends RuntimeException {
        OutboxNotPublishedException(int documents, Throwable cause) {
            super("the messages of " + documents + " stored submission(s) were not confirmed by the broker (" + cause.getMessage()
                    + "); the batch will be delivered again and its stored messages re-published", cause);
        }
    }
}
