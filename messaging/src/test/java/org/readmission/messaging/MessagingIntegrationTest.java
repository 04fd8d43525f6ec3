package org.readmission.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ReasonCode;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;

@SpringBootTest(classes = MessagingIntegrationTest.App.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
        "spring.kafka.producer.acks=all",
        "readmission.messaging.source=test-service"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = {"test.events", "test.events.dlt"})
class MessagingIntegrationTest {

    @SpringBootApplication
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, MessagingAutoConfiguration.class})
    static class App {
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    EventPublisher publisher;
    @Autowired
    EnvelopeReader reader;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    AvroCodec codec;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void publishedEventCarriesItsEnvelopeAndReadsBack() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        publisher.publish("test.events", "RC-1", "evt-1", closed("RC-1"), at);

        try (TopicReader topic = new TopicReader(brokers, "test.events")) {
            ConsumerRecord<String, byte[]> record = topic.await(r -> "RC-1".equals(r.key()), 1).get(0);
            CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
            assertThat(attributes.id()).isEqualTo("evt-1");
            assertThat(attributes.source()).isEqualTo("test-service");
            assertThat(attributes.subject()).isEqualTo("RC-1");
            assertThat(attributes.type()).isEqualTo("org.readmission.case.closed.v1");

            Envelope envelope = reader.read(record);
            assertThat(envelope).isInstanceOf(Envelope.Decoded.class);
            assertThat(((Envelope.Decoded) envelope).payloadAs(CaseClosed.class).getOutcome()).isEqualTo(CaseOutcome.REFUSED);
        }
    }

    @Test
    void recordsWithoutHeadersOrWithForeignBytesAreUnreadableWithAReason() {
        ConsumerRecord<String, byte[]> noHeaders = new ConsumerRecord<>("test.events", 0, 7, "RC-2", codec.encode(closed("RC-2")));
        assertThat(reader.read(noHeaders)).isEqualTo(new Envelope.Unreadable(ReasonCode.MISSING_HEADER,
                "missing CloudEvents headers [ce_id, ce_type, ce_source, ce_specversion]"));

        ConsumerRecord<String, byte[]> garbage = withHeaders(new ConsumerRecord<>("test.events", 0, 8, "RC-2", "{\"json\":1}".getBytes(UTF_8)),
                "org.readmission.case.closed.v1");
        assertThat(reader.read(garbage)).isInstanceOfSatisfying(Envelope.Unreadable.class,
                u -> assertThat(u.code()).isEqualTo(ReasonCode.UNDECODABLE_PAYLOAD));

        ConsumerRecord<String, byte[]> wrongType = withHeaders(new ConsumerRecord<>("test.events", 0, 9, "RC-2", codec.encode(closed("RC-2"))),
                "org.readmission.case.readmission-decided.v1");
        assertThat(reader.read(wrongType)).isInstanceOfSatisfying(Envelope.Unreadable.class,
                u -> assertThat(u.code()).isEqualTo(ReasonCode.TYPE_MISMATCH));
    }

    @Test
    void deadLetterKeepsTheRecordAndSaysWhy() throws Exception {
        kafka.send(new ProducerRecord<>("test.events", "RC-3", new byte[]{1, 2, 3})).get();
        try (TopicReader topic = new TopicReader(brokers, "test.events"); TopicReader dlt = new TopicReader(brokers, "test.events.dlt")) {
            ConsumerRecord<String, byte[]> bad = topic.await(r -> "RC-3".equals(r.key()), 1).get(0);
            deadLetters.send(bad, "UNDECODABLE_PAYLOAD", "not Avro single-object encoding");

            ConsumerRecord<String, byte[]> copy = dlt.await(r -> "RC-3".equals(r.key()), 1).get(0);
            assertThat(copy.value()).containsExactly(1, 2, 3);
            assertThat(CloudEventHeaders.header(copy.headers(), DeadLetters.REASON_CODE)).isEqualTo("UNDECODABLE_PAYLOAD");
            assertThat(CloudEventHeaders.header(copy.headers(), DeadLetters.REASON_MESSAGE)).isEqualTo("not Avro single-object encoding");
            assertThat(CloudEventHeaders.header(copy.headers(), DeadLetters.ORIGINAL_POSITION))
                    .isEqualTo("test.events-0@" + bad.offset());
        }
    }

    private static ConsumerRecord<String, byte[]> withHeaders(ConsumerRecord<String, byte[]> record, String type) {
        record.headers().add(CloudEventHeaders.ID, "x".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, type.getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SOURCE, "DE-BAMF".getBytes(UTF_8));
        record.headers().add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        return record;
    }

    private static CaseClosed closed(String caseId) {
        return CaseClosed.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-1")
                        .setRequestingParty(PartyCode.newBuilder().setValue("DE-BAMF").build())
                        .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build())
                .setOccurredAt(Instant.parse("2026-03-01T10:00:00Z")).setOutcome(CaseOutcome.REFUSED)
                .setClosedAt(Instant.parse("2026-03-01T10:00:00Z")).build();
    }
}
