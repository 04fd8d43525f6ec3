package org.readmission.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.readmission.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Copies a record that cannot be processed to {@code <topic>.dlt}, unchanged (key, value, headers), with why in
 * three more headers. Waits for the broker, so the consumed offset is committed only once the copy is safe.
 */
public class DeadLetters {

    public static final String REASON_CODE = "dlt-reason-code";
    public static final String REASON_MESSAGE = "dlt-reason-message";
    public static final String ORIGINAL_POSITION = "dlt-original-position";

    private final KafkaTemplate<String, byte[]> kafka;
    private final MessagingProperties properties;

    public DeadLetters(KafkaTemplate<String, byte[]> kafka, MessagingProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    public void send(ConsumerRecord<String, byte[]> record, String reasonCode, String message) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.dlt(record.topic()), null, record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header);
        }
        copy.headers().add(REASON_CODE, reasonCode.getBytes(UTF_8));
        copy.headers().add(REASON_MESSAGE, message.getBytes(UTF_8));
        copy.headers().add(ORIGINAL_POSITION, positionOf(record).getBytes(UTF_8));
        try {
            kafka.send(copy).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + positionOf(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + positionOf(record), e);
        }
    }

    /** {@code topic-partition@offset}, how logs and headers name a record. */
    public static String positionOf(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
