package org.readmission.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.CaseId;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.Reason;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;

/**
 * A stand-in for the partner gateway, just enough to test the simulator: acknowledges every decodable application on
 * the sender's notification topic, rejects undecodable input (and copies it to the DLT). It does not validate.
 * With {@code deduplicate} it answers a ce_id once, as the real gateway does; without, it answers every record.
 */
public final class FakeGateway implements AutoCloseable {

    private static final EventCatalog CATALOG = EventCatalog.v1();

    private final AvroCodec codec = new AvroCodec(CATALOG);
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final boolean deduplicate;
    private final Set<String> seen = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts reading the submissions topic from its current end (the records of earlier tests are not answered). */
    public FakeGateway(String bootstrap, boolean deduplicate) {
        this.deduplicate = deduplicate;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "fake-gateway-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PARTNER_SUBMISSIONS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the simulator sends
        thread = new Thread(this::run, "fake-gateway");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    answer(record);
                }
                producer.flush();
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
            producer.close(Duration.ofSeconds(2));
        }
    }

    private void answer(ConsumerRecord<String, byte[]> record) {
        CloudEventAttributes in = CloudEventHeaders.read(record.headers());
        if (deduplicate && !seen.add(in.source() + "/" + in.id())) {
            return;
        }
        String topic = Topics.partnerNotifications(in.source());
        Instant now = Instant.now();
        try {
            SpecificRecord event = codec.decode(record.value());
            String applicationId = event instanceof ReadmissionApplicationSubmitted application ? application.getApplicationId() : null;
            String caseId = "RC-" + UUID.nameUUIDFromBytes((in.source() + applicationId).getBytes()).toString()
                    .replace("-", "").substring(0, 12).toUpperCase();
            send(topic, caseId, SubmissionAcknowledged.newBuilder()
                    .setSubmissionId(in.id())
                    .setSubmissionType(in.type())
                    .setApplicationId(applicationId)
                    .setCaseId(CaseId.newBuilder().setValue(caseId).build())
                    .setReceivedAt(now)
                    .build());
        } catch (UndecodableEventException e) {
            ReasonCode code = e.problem() == UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT
                    ? ReasonCode.UNKNOWN_SCHEMA : ReasonCode.UNDECODABLE_PAYLOAD;
            send(topic, record.key(), SubmissionRejected.newBuilder()
                    .setSubmissionId(in.id())
                    .setSubmissionType(in.type())
                    .setReasons(List.of(Reason.newBuilder().setCode(code).setMessage(e.getMessage()).build()))
                    .setMessage("rejected: " + e.getMessage())
                    .setRejectedAt(now)
                    .build());
            ProducerRecord<String, byte[]> copy = new ProducerRecord<>(Topics.dlt(record.topic()), record.key(), record.value());
            for (Header header : record.headers()) {
                copy.headers().add(header);
            }
            copy.headers().add("dlt-reason-code", code.name().getBytes());
            producer.send(copy);
        }
    }

    private void send(String topic, String key, SpecificRecord event) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, key, codec.encode(event));
        CloudEventHeaders.write(out.headers(), CloudEventAttributes.of(CATALOG.of(event.getClass()),
                UUID.randomUUID().toString(), "partner-gateway", key, Instant.now()));
        producer.send(out);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
