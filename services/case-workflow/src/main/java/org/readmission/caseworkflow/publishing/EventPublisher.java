package org.readmission.caseworkflow.publishing;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one event and waits for the broker's acknowledgement ({@code acks=all}, idempotent producer), so that a
 * publishing job only completes once the event is safely on Kafka; if the broker is down the job fails and
 * Camunda retries it. Key and {@code ce_subject} = case id, {@code ce_source} = this service.
 */
@Component
class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final String source;
    private final Duration sendTimeout;

    EventPublisher(KafkaTemplate<String, byte[]> kafka, AvroCodec codec, EventCatalog catalog,
                   @Value("${readmission.source:case-workflow}") String source,
                   @Value("${readmission.publishing.send-timeout:PT15S}") Duration sendTimeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.catalog = catalog;
        this.source = source;
        this.sendTimeout = sendTimeout;
    }

    void send(String topic, String caseId, String ceId, SpecificRecord event, Instant time) {
        EventType type = catalog.of(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, caseId, codec.encode(event));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(type, ceId, source, caseId, time));
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + type.ceType() + " of case " + caseId, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("could not publish " + type.ceType() + " of case " + caseId + " to " + topic
                    + " (the job is retried): " + cause, cause);
        }
    }
}
