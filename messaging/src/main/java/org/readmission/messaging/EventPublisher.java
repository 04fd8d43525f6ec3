package org.readmission.messaging;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends one event and waits for the broker's acknowledgement ({@code acks=all}, idempotent producer), so that the
 * caller only records "sent" once the event is safely on Kafka; when the broker is unavailable it throws and the
 * caller retries (a Camunda job, an outbox relay, an unacknowledged consumer offset). Key and {@code ce_subject} =
 * case id, {@code ce_source} = this service. The caller chooses the {@code ce_id}: deterministic where the event
 * may be sent again (see {@link org.readmission.events.EventIds}), so consumers can drop the repetition.
 */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final MessagingProperties properties;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, AvroCodec codec, EventCatalog catalog,
                          MessagingProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.catalog = catalog;
        this.properties = properties;
    }

    public void publish(String topic, String caseId, String ceId, SpecificRecord event, Instant time) {
        WireEvent wire = encode(topic, caseId, ceId, event, time);
        try {
            send(wire).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + wire.ceType() + " of case " + caseId, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("could not publish " + wire.ceType() + " of case " + caseId + " to " + topic
                    + ": " + cause, cause);
        }
    }

    /**
     * The event in its wire form (Avro single-object encoding) with what its CloudEvents headers are made of, to be
     * kept, e.g. in a transactional outbox, and {@linkplain #send sent} later, as often as needed, always the same.
     */
    public WireEvent encode(String topic, String caseId, String ceId, SpecificRecord event, Instant time) {
        return new WireEvent(topic, caseId, ceId, catalog.of(event.getClass()).ceType(), time, codec.encode(event));
    }

    /** Sends without waiting: the future completes when the broker has the record ({@code acks=all}). */
    public CompletableFuture<?> send(WireEvent wire) {
        EventType type = catalog.byCeType(wire.ceType()).orElseThrow(() -> new IllegalArgumentException(
                "not an event type of the catalogue: " + wire.ceType()));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(wire.topic(), null, wire.key(), wire.payload());
        CloudEventHeaders.write(record.headers(),
                CloudEventAttributes.of(type, wire.ceId(), properties.source(), wire.key(), wire.time()));
        return kafka.send(record);
    }

    /** An encoded event: topic, key (= case id = {@code ce_subject}), {@code ce_id}, {@code ce_type}, {@code ce_time}, bytes. */
    public record WireEvent(String topic, String key, String ceId, String ceType, Instant time, byte[] payload) {
    }
}
