package org.readmission.simulator.kafka;

import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.simulator.generator.Submission;

/** Sends submissions to {@code readmission.partner-submissions}: key, value and CloudEvents headers as a partner would. */
public final class SubmissionSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public SubmissionSender(KafkaSettings settings, String clientId, int lingerMs) {
        this(settings.producer(clientId, lingerMs), Topics.PARTNER_SUBMISSIONS);
    }

    SubmissionSender(KafkaProducer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public Future<RecordMetadata> send(Submission submission, Callback callback) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, submission.key(), submission.value());
        CloudEventHeaders.write(record.headers(), submission.attributes());
        return producer.send(record, callback);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
