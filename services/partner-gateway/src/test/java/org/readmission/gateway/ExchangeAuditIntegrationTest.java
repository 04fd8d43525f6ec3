package org.readmission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.audit.AuditVerification;
import org.readmission.audit.AuditVerifier;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's audit trail over an embedded broker and the Mongo-wire store: every message received from or sent to
 * a partner is recorded without personal data, the chain verifies, and tampering with one raw record is reported.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class ExchangeAuditIntegrationTest {

    private static final String DATABASE = "partner_gateway_audit";
    private static final String CHAIN = "partner-gateway";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        GatewayTokens.trust(registry);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri(DATABASE));
    }

    @Autowired
    AvroCodec codec;
    @Autowired
    EventCatalog catalog;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AuditVerification verification;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProducer<String, byte[]> producer;
    TopicReader germanNotifications;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        germanNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications("DE-BPOL"));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        germanNotifications.close();
    }

    @Test
    void submissionAndAcknowledgementAreAuditedAndTamperingWithOneRecordIsReported() {
        String ceId = send(Applications.familyOfThree(uniqueId()).build(), "DE-BPOL", UUID.randomUUID().toString());

        Document received = awaitRecord(ceId, "MESSAGE_RECEIVED");
        String caseId = received.getString("caseId");
        assertThat(caseId).startsWith("RC-");
        assertThat(received).containsEntry("who", "partner:DE-BPOL").containsEntry("party", "DE-BPOL").containsEntry("outcome", "ACCEPTED")
                .containsEntry("what", "org.readmission.application.submitted.v1").containsEntry("purpose", "readmission exchange");
        Document acknowledged = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("audit_trail").find(new Document("caseId", caseId)
                .append("action", "MESSAGE_SENT")).first(), d -> d != null);
        assertThat(acknowledged).containsEntry("who", "service:partner-gateway").containsEntry("party", "DE-BPOL")
                .containsEntry("what", catalog.of(SubmissionAcknowledged.class).ceType());
        assertThat(acknowledged.getLong("sequence")).isGreaterThan(received.getLong("sequence"));
        assertThat(germanNotifications.matching(r -> acknowledged.getString("reference").equals(CloudEventHeaders.read(r.headers()).id()))).hasSize(1);
        assertNoPersonalData();
        // nor in the gateway's own store: the submission's payload and its outbox messages are encrypted
        String stored = String.join("\n", mongo.getCollection("submissions").find().map(Document::toJson)
                .into(new java.util.ArrayList<>()));
        assertThat(stored).contains(caseId);
        Stream.of("Elvin", "Aynur", "Murad", "C01234567", "AZE1234567").forEach(value ->
                assertThat(stored).as("personal data in the submissions store").doesNotContain(value)
                        .doesNotContain(java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));

        assertThat(verification.verify(CHAIN).intact()).isTrue();
        assertThat(verify()).startsWith("0 ").contains("chain partner-gateway: intact");

        mongo.getCollection("audit_trail").updateOne(new Document("_id", received.getString("_id")),
                new Document("$set", new Document("caseId", "RC-000000000000")));
        try {
            String report = verify();
            assertThat(report).startsWith("1 ").contains("BROKEN at sequence " + received.getLong("sequence") + " (CHANGED)");
            assertThat(verification.verify(CHAIN).broken().recordId()).isEqualTo(received.getString("_id"));
        } finally {
            mongo.getCollection("audit_trail").replaceOne(new Document("_id", received.getString("_id")), received);
        }
        assertThat(verification.verify(CHAIN).intact()).isTrue();
    }

    @Test
    void rejectedDeadLetteredAndDuplicateSubmissionsAreAudited() {
        String rejected = send(Applications.familyOfThree(uniqueId()).setPersons(List.of()).build(), "DE-BPOL", UUID.randomUUID().toString());
        ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, 0, "x", new byte[] {1, 2, 3});
        String undecodable = UUID.randomUUID().toString();
        CloudEventHeaders.write(garbage.headers(), CloudEventAttributes.of(catalog.of(ReadmissionApplicationSubmitted.class), undecodable,
                "DE-BPOL", null, Instant.now()));
        producer.send(garbage);
        String twice = UUID.randomUUID().toString();
        ReadmissionApplicationSubmitted application = Applications.familyOfThree(uniqueId()).build();
        send(application, "DE-BPOL", twice);
        send(application, "DE-BPOL", twice);

        assertThat(awaitRecord(rejected, "MESSAGE_REJECTED")).containsEntry("outcome", "NO_PERSONS");
        assertThat(awaitRecord(undecodable, "MESSAGE_DEAD_LETTERED")).containsEntry("outcome", "UNDECODABLE_PAYLOAD");
        await().atMost(Duration.ofSeconds(30)).until(() -> records(twice).size() == 2);
        assertThat(records(twice)).extracting(d -> d.getString("outcome")).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(mongo.getCollection("audit_trail").find(new Document("action", "MESSAGE_SENT")
                .append("what", catalog.of(SubmissionRejected.class).ceType())).into(new java.util.ArrayList<>())).isNotEmpty();
        assertNoPersonalData();
    }

    @Test
    void caseEventsForwardedToThePartiesAreAudited() {
        String caseId = CaseEventNotificationScenarios.newCaseId();
        ReplyDeadlineSet event = CaseEventNotificationScenarios.replyDeadlineSet(caseId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId, codec.encode(event));
        String eventId = UUID.randomUUID().toString();
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(catalog.of(ReplyDeadlineSet.class), eventId, "case-workflow", caseId, Instant.now()));
        producer.send(record);

        await().atMost(Duration.ofSeconds(30)).until(() -> records(eventId).size() == 2);
        assertThat(records(eventId)).allSatisfy(d -> assertThat(d).containsEntry("action", "MESSAGE_SENT").containsEntry("caseId", caseId)
                        .containsEntry("what", catalog.of(ReplyDeadlineSet.class).ceType()))
                .extracting(d -> d.getString("party")).containsExactlyInAnyOrder("DE-BPOL", "AZ-SMS");
    }

    private String verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = AuditVerifier.run(new String[] {"--mongodb-uri=" + MongoWireTestServer.uri(DATABASE), "--chain=" + CHAIN},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return exit + " " + out.toString(StandardCharsets.UTF_8);
    }

    /** Nothing of the persons in the applications (names, birth dates, document numbers) is in any audit record. */
    private void assertNoPersonalData() {
        String all = String.join("\n", mongo.getCollection("audit_trail").find().map(Document::toJson).into(new java.util.ArrayList<>()));
        assertThat(all).isNotEmpty();
        Stream.of("Elvin", "Aynur", "Murad", "Məmmədov", "1988-04-12", "C01234567", "AZE1234567")
                .forEach(value -> assertThat(all).as("personal data in the audit trail").doesNotContain(value));
    }

    private Document awaitRecord(String reference, String action) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("audit_trail")
                .find(new Document("reference", reference).append("action", action)).first(), d -> d != null);
    }

    private List<Document> records(String reference) {
        return mongo.getCollection("audit_trail").find(new Document("reference", reference)).sort(new Document("sequence", 1))
                .into(new java.util.ArrayList<>());
    }

    private String send(SpecificRecord record, String source, String ceId) {
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, 0,
                String.valueOf(((org.apache.avro.generic.GenericRecord) record).get("applicationId")), codec.encode(record));
        CloudEventHeaders.write(producerRecord.headers(), CloudEventAttributes.of(catalog.of(record.getClass()), ceId, source, null, Instant.now()));
        producer.send(producerRecord);
        producer.flush();
        return ceId;
    }

    private static String uniqueId() {
        return "DE-BPOL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
