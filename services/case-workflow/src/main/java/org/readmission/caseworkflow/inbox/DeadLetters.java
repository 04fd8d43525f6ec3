package org.readmission.caseworkflow.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.readmission.events.Topics;
import org.readmission.events.partner.ReasonCode;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Copies a record that cannot be read to {@code <topic>.dlt}, unchanged, with why in its headers
 * ({@code dlt-reason-code}, {@code dlt-reason-message}, {@code dlt-original-position}, as the gateway does).
 */
@Component
class DeadLetters {

    static final String REASON_CODE = "dlt-reason-code";
    static final String REASON_MESSAGE = "dlt-reason-message";
    static final String ORIGINAL_POSITION = "dlt-original-position";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Sends and waits for the broker, so that the consumed offset is committed only after the copy is safe. */
    void send(ConsumerRecord<String, byte[]> record, ReasonCode code, String message) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.dlt(record.topic()), null, record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header);
        }
        copy.headers().add(REASON_CODE, code.name().getBytes(UTF_8));
        copy.headers().add(REASON_MESSAGE, message.getBytes(UTF_8));
        copy.headers().add(ORIGINAL_POSITION, (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(UTF_8));
        try {
            kafka.send(copy).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + record.topic() + "@" + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
    }
}
