package org.readmission.simulator.kafka;

import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.simulator.generator.Submission;

/**
 * Sends submissions as a partner would: key, value and CloudEvents headers. In the open mode one sender writes every
 * party's submissions to the shared {@code readmission.partner-submissions}; in a secure run a sender belongs to one
 * party, authenticates as it and writes its own {@code readmission.partner-submissions.<party>}.
 */
public final class SubmissionSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String party;

    /** The open mode's sender: one anonymous producer, the shared topic. */
    public SubmissionSender(KafkaSettings settings, String clientId, int lingerMs) {
        this(settings.producer(clientId, lingerMs), Topics.PARTNER_SUBMISSIONS, null);
    }

    SubmissionSender(KafkaProducer<String, byte[]> producer, String topic) {
        this(producer, topic, null);
    }

    private SubmissionSender(KafkaProducer<String, byte[]> producer, String topic, String party) {
        this.producer = producer;
        this.topic = topic;
        this.party = party;
    }

    /** {@code party}'s sender: as that party, to {@link KafkaSettings#submissionTopic(String) its submission topic}. */
    public static SubmissionSender forParty(KafkaSettings settings, String party, String clientId, int lingerMs) {
        return to(settings, party, settings.submissionTopic(party), clientId, lingerMs);
    }

    /** {@code party}'s producer writing {@code topic} (checks and tests; the broker's ACLs decide). */
    public static SubmissionSender to(KafkaSettings settings, String party, String topic, String clientId, int lingerMs) {
        return new SubmissionSender(settings.producer(party, clientId, lingerMs), topic, party);
    }

    public Future<RecordMetadata> send(Submission submission, Callback callback) {
        return send(submission.key(), submission.value(), submission.attributes(), callback);
    }

    public Future<RecordMetadata> send(String key, byte[] value, CloudEventAttributes attributes, Callback callback) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        CloudEventHeaders.write(record.headers(), attributes);
        return producer.send(record, callback);
    }

    public String topic() {
        return topic;
    }

    /** The party this sender acts for; null for the open mode's sender of every party. */
    public String party() {
        return party;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
