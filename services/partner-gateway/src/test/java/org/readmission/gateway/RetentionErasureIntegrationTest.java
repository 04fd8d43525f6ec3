package org.readmission.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.partner.ApplicationForwarded;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.gateway.outbox.DeadLetters;
import org.readmission.gateway.protection.GatewayFields;
import org.readmission.gateway.retention.RejectedSubmissionsPurge;
import org.readmission.gateway.submission.Submission;
import org.readmission.gateway.submission.SubmissionSealing;
import org.readmission.gateway.submission.SubmissionStatus;
import org.readmission.gateway.submission.Submissions;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.retention.Retention;
import org.readmission.retention.RetentionJob;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.MovableClock;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case past its retention period has no readable personal data left in the gateway, and both parties are told once:
 * the gateway over a real embedded KRaft broker and the Mongo-wire store over TCP, with a clock the test moves (it
 * follows real time, so the intake's rules and the broker's timeouts keep working, and jumps five years ahead).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        // the test runs the job itself, on its clock
        "readmission.retention.initial-delay=P1D"})
@EmbeddedKafka(kraft = true, partitions = 3)
@DirtiesContext
@Import(RetentionErasureIntegrationTest.ControlledClock.class)
class RetentionErasureIntegrationTest {

    static final String DE_BPOL = "DE-BPOL";
    static final String AZ_SMS = "AZ-SMS";
    static final MovableClock CLOCK = MovableClock.ticking();
    /** What the fixture's application holds of the persons: names, place of birth, document numbers. */
    static final List<String> PERSONAL = List.of("Məmmədov", "Məmmədova", "Elvin", "Aynur", "Murad", "Gəncə", "C01234567",
            "AZE1234567");

    @TestConfiguration
    static class ControlledClock {
        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        GatewayTokens.trust(registry);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("partner_gateway_retention"));
    }

    @Autowired
    AvroCodec codec;
    @Autowired
    EventCatalog catalog;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Submissions submissions;
    @Autowired
    SubmissionSealing sealing;
    @Autowired
    CaseKeys caseKeys;
    @Autowired
    Retention retention;
    @Autowired
    RetentionJob job;
    @Autowired
    RejectedSubmissionsPurge purge;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProducer<String, byte[]> producer;
    TopicReader requestingParty;
    TopicReader requestedParty;
    TopicReader caseEventDeadLetters;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        requestingParty = new TopicReader(bootstrapServers, Topics.partnerNotifications(DE_BPOL));
        requestedParty = new TopicReader(bootstrapServers, Topics.partnerNotifications(AZ_SMS));
        caseEventDeadLetters = new TopicReader(bootstrapServers, Topics.dlt(Topics.CASE_EVENTS));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        Stream.of(requestingParty, requestedParty, caseEventDeadLetters).forEach(TopicReader::close);
    }

    @Test
    void aCaseBeyondItsRetentionPeriodHasNoReadablePersonalDataLeftAndBothPartiesAreToldOnce() {
        // case A: the application, a withdrawal, a rejected message of the wrong party, the application forwarded;
        // case B: another application, never closed
        String applicationA = PartnerSubmissionScenarios.uniqueId();
        ReadmissionApplicationSubmitted application = Applications.familyOfThree(applicationA).build();
        String submittedA = send(application, DE_BPOL);
        String caseA = awaitAcknowledgement(submittedA).getCaseId().getValue();
        String applicationB = PartnerSubmissionScenarios.uniqueId();
        String submittedB = send(Applications.familyOfThree(applicationB).build(), DE_BPOL);
        String caseB = awaitAcknowledgement(submittedB).getCaseId().getValue();
        String withdrawn = send(PartnerSubmissionScenarios.withdrawal(caseA, applicationA), DE_BPOL);
        awaitAcknowledgement(withdrawn);
        String wrongParty = send(PartnerSubmissionScenarios.withdrawal(caseA, applicationA), AZ_SMS);
        assertThat(PartnerSubmissionScenarios.codes(awaitRejection(requestedParty, wrongParty))).containsExactly(ReasonCode.SENDER_NOT_ALLOWED);
        String forwarded = sendCaseEvent(ApplicationForwarded.newBuilder().setCaseRef(caseRef(caseA, applicationA))
                .setOccurredAt(CLOCK.instant()).setReceivedAt(CLOCK.instant()).setApplication(application).build(), caseA);
        requestedParty.await(r -> forwarded.equals(CloudEventHeaders.read(r.headers()).id()), 1);

        // before the period ends: the payloads are sealed under the case's key, the raw documents hold nothing in clear
        Submission storedA = submissions.findById(key(submittedA)).orElseThrow();
        assertThat(storedA.caseSealed()).isTrue();
        assertThat(sealing.payloadOf(storedA)).isEqualTo(codec.encode(application));
        byte[] sealedA = storedA.payload();
        assertThat(new String(codec.encode(application), StandardCharsets.UTF_8)).as("an unsealed application holds them")
                .contains(PERSONAL.toArray(String[]::new));
        assertThat(submissions.findById(key(AZ_SMS, wrongParty)).orElseThrow().caseId()).isEqualTo(caseA);
        Document backup = mongo.getCollection("submissions").find(Filters.eq("_id", key(submittedA))).first();
        assertThat(plaintextIn(everyDocument())).as("personal data stored in clear").isEmpty();

        // case A is closed (transferred: 60 months)
        Instant closedAt = CLOCK.instant().truncatedTo(ChronoUnit.MILLIS);
        sendCaseEvent(CaseClosed.newBuilder().setCaseRef(caseRef(caseA, applicationA)).setOccurredAt(closedAt)
                .setOutcome(CaseOutcome.TRANSFERRED).setClosedAt(closedAt).build(), caseA);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retention.of(caseA).isPresent());
        Instant retainUntil = closedAt.atZone(ZoneOffset.UTC).plusMonths(60).toInstant();
        assertThat(retention.of(caseA).orElseThrow().retainUntil()).isEqualTo(retainUntil);

        // a day before the period ends: nothing happens, the application reads
        CLOCK.advance(Duration.between(CLOCK.instant(), retainUntil.minus(Duration.ofDays(1))));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        assertThat(sealing.payloadOf(submissions.findById(key(submittedA)).orElseThrow())).isEqualTo(codec.encode(application));

        // the period is over
        CLOCK.advance(Duration.ofDays(2));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(1, 0, 0));

        // nothing of case A is left: no payload, no message, no violation message, and its key is a tombstone
        assertThat(plaintextIn(everyDocument())).as("personal data in clear").isEmpty();
        List<Document> ofCaseA = mongo.getCollection("submissions").find(Filters.eq("caseId", caseA)).into(new ArrayList<>());
        assertThat(ofCaseA).hasSize(3).allSatisfy(document -> {
            assertThat(document).doesNotContainKeys("payload", "contentHash").containsKey("erasedAt")
                    .containsEntry("caseId", caseA).containsEntry("outbox", List.of());
            assertThat(document.getList("violations", Document.class)).allSatisfy(v -> assertThat(v).doesNotContainKey("message"));
        });
        assertThat(mongo.getCollection("submissions").find(Filters.eq("_id", key(AZ_SMS, wrongParty))).first())
                .containsEntry("status", SubmissionStatus.REJECTED.name());
        assertThat(mongo.getCollection("forwarded_case_events").find(Filters.eq("caseId", caseA)).into(new ArrayList<>()))
                .isNotEmpty().allSatisfy(document -> assertThat(document).containsEntry("outbox", List.of()));
        assertThat(Document.parse(mongo.getCollection("case_keys").withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("_id", caseA)).first().toJson()).keySet()).containsExactlyInAnyOrder("_id", "shreddedAt");
        assertThatThrownBy(() -> caseKeys.decrypt(caseA, key(submittedA), sealedA, GatewayFields.SUBMISSION_PAYLOAD))
                .isInstanceOf(CaseKeyShreddedException.class).hasMessageNotContaining("Məmmədov");
        // a copy of the document as a backup holds it (payload and outbox) no longer opens either
        mongo.getCollection("submissions_backup").insertOne(backup);
        assertThatThrownBy(() -> mongo.findById(key(submittedA), Submission.class, "submissions_backup"))
                .satisfies(e -> assertThat(Retention.erasedCaseIn(e)).isPresent());
        Submission backupWithoutOutbox = mongo.getConverter().read(Submission.class, new Document(backup).append("outbox", List.of()));
        assertThatThrownBy(() -> sealing.payloadOf(backupWithoutOutbox)).isInstanceOf(CaseKeyShreddedException.class);
        mongo.dropCollection("submissions_backup");

        // the other case is untouched
        Submission storedB = submissions.findById(key(submittedB)).orElseThrow();
        assertThat(ReadmissionApplicationSubmitted.class.cast(decode(sealing.payloadOf(storedB))).getApplicationId()).isEqualTo(applicationB);
        assertThat(storedB.outbox()).hasSize(2);
        assertThat(retention.erased(caseB)).isFalse();

        // both parties are told, once, with the same ce_id; a second run sends nothing
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            ConsumerRecord<String, byte[]> record = party.await(r -> caseA.equals(r.key()) && isErasureNotice(r), 1).get(0);
            PersonalDataErased notice = (PersonalDataErased) decode(record.value());
            assertThat(CloudEventHeaders.read(record.headers()).id()).isEqualTo(EventIds.deterministic(caseA, "erased:PARTNER_EXCHANGE"));
            assertThat(CloudEventHeaders.read(record.headers()).source()).isEqualTo("partner-gateway");
            assertThat(notice.getReason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
            assertThat(notice.getScope()).containsExactly(ErasureScope.PARTNER_EXCHANGE);
            assertThat(notice.getPersonIds()).containsExactly("p1", "p2", "p3");
            assertThat(notice.getRetentionEndedAt()).isEqualTo(retainUntil);
            assertThat(plaintextIn(List.of(notice.toString()))).isEmpty();
        }
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));

        // a late message and a late re-send of the application of the erased case are refused, nothing of them is kept
        String late = send(PartnerSubmissionScenarios.withdrawal(caseA, applicationA), DE_BPOL);
        SubmissionRejected refused = awaitRejection(requestingParty, late);
        assertThat(refused.getReasons()).singleElement().satisfies(reason -> {
            assertThat(reason.getCode()).isEqualTo(ReasonCode.CASE_ERASED);
            assertThat(reason.getMessage()).contains(caseA, "erased");
        });
        String resent = send(Applications.familyOfThree(applicationA).build(), DE_BPOL);
        assertThat(awaitRejection(requestingParty, resent).getReasons().get(0).getCode()).isEqualTo(ReasonCode.CASE_ERASED);
        for (String refusedId : List.of(late, resent)) {
            Document stored = mongo.getCollection("submissions").find(Filters.eq("_id", key(refusedId))).first();
            assertThat(stored).doesNotContainKeys("payload", "contentHash").containsKey("erasedAt").containsEntry("caseId", caseA);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("audit_trail")
                    .find(Filters.and(Filters.eq("reference", refusedId), Filters.eq("outcome", Retention.CASE_ERASED))).first() != null);
        }
        assertThat(plaintextIn(everyDocument())).as("personal data in clear after the late submissions").isEmpty();

        // a late case event of the erased case is not passed on; its dead letter carries the reason, not the content
        String lateEvent = sendCaseEvent(ApplicationForwarded.newBuilder().setCaseRef(caseRef(caseA, applicationA))
                .setOccurredAt(CLOCK.instant()).setReceivedAt(CLOCK.instant()).setApplication(application).build(), caseA);
        ConsumerRecord<String, byte[]> dead = caseEventDeadLetters.await(r -> caseA.equals(r.key()), 1).get(0);
        assertThat(CloudEventHeaders.header(dead.headers(), DeadLetters.REASON_CODE)).isEqualTo(Retention.CASE_ERASED);
        assertThat(dead.value()).isEmpty();
        assertThat(requestedParty.matching(r -> lateEvent.equals(CloudEventHeaders.read(r.headers()).id()))).isEmpty();

        // still exactly one notice per party, and none for case B
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            assertThat(party.ofCase(caseA).stream().filter(RetentionErasureIntegrationTest::isErasureNotice)).hasSize(1);
            assertThat(party.ofCase(caseB).stream().filter(RetentionErasureIntegrationTest::isErasureNotice)).isEmpty();
        }
    }

    @Test
    void aRejectedSubmissionWithoutACaseLosesItsContentAfterTheConfiguredPeriod() {
        LocalDate unborn = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).plusYears(1);
        String invalid = send(PartnerSubmissionScenarios.withPerson(Applications.familyOfThree(PartnerSubmissionScenarios.uniqueId()), 0,
                p -> p.setDateOfBirth(unborn)).build(), DE_BPOL);
        assertThat(PartnerSubmissionScenarios.codes(awaitRejection(requestingParty, invalid))).containsExactly(ReasonCode.BIRTH_DATE_IN_FUTURE);
        String unknownCase = send(PartnerSubmissionScenarios.withdrawal("RC-000000000000", "A-1"), DE_BPOL);
        assertThat(PartnerSubmissionScenarios.codes(awaitRejection(requestingParty, unknownCase))).containsExactly(ReasonCode.UNKNOWN_CASE);
        Submission rejected = submissions.findById(key(invalid)).orElseThrow();
        assertThat(rejected.caseId()).isNull();
        assertThat(rejected.caseSealed()).isFalse();
        assertThat(sealing.payloadOf(rejected)).isNotEmpty();
        assertThat(rejected.violations().get(0).message()).contains(unborn.toString());

        // kept for the period (90 days by default)
        CLOCK.advance(Duration.ofDays(89));
        purge.run();
        for (String id : List.of(invalid, unknownCase)) {
            assertThat(mongo.getCollection("submissions").find(Filters.eq("_id", key(id))).first())
                    .containsKeys("payload", "contentHash").doesNotContainKey("erasedAt");
        }

        // then only ids, sender, type, status, dates and reason codes are left
        CLOCK.advance(Duration.ofDays(2));
        assertThat(purge.run()).isGreaterThanOrEqualTo(2);
        for (String id : List.of(invalid, unknownCase)) {
            Document purged = mongo.getCollection("submissions").find(Filters.eq("_id", key(id))).first();
            assertThat(purged).doesNotContainKeys("payload", "contentHash").containsKey("erasedAt")
                    .containsEntry("status", SubmissionStatus.REJECTED.name()).containsEntry("source", DE_BPOL)
                    .containsEntry("outbox", List.of());
            assertThat(purged.getList("violations", Document.class)).singleElement()
                    .satisfies(v -> assertThat(v).doesNotContainKey("message").containsKeys("code", "field"));
            assertThat(purged.toJson()).doesNotContain(unborn.toString());
        }
        assertThat(purge.run()).as("nothing more to purge").isZero();
        assertThat(submissions.findById(key(invalid)).orElseThrow().violations().get(0).code()).isEqualTo(ReasonCode.BIRTH_DATE_IN_FUTURE);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Every document of every collection of the gateway's database, as raw BSON. */
    List<String> everyDocument() {
        List<String> documents = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (RawBsonDocument document : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find()) {
                byte[] bytes = new byte[document.getByteBuffer().remaining()];
                document.getByteBuffer().get(bytes);
                documents.add(collection + ": " + new String(bytes, StandardCharsets.UTF_8) + " " + document.toJson());
            }
        }
        return documents;
    }

    /** The personal values found in clear in these texts. */
    static List<String> plaintextIn(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            PERSONAL.stream().filter(text::contains).forEach(value -> found.add(value + " in " + text.substring(0, Math.min(60, text.length()))));
        }
        return found;
    }

    static String key(String ceId) {
        return key(DE_BPOL, ceId);
    }

    static String key(String source, String ceId) {
        return "ce:" + source + ":" + ceId;
    }

    String send(SpecificRecord record, String source) {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, 0,
                String.valueOf(((org.apache.avro.generic.GenericRecord) record).get("applicationId")), codec.encode(record));
        CloudEventHeaders.write(producerRecord.headers(), CloudEventAttributes.of(catalog.of(record.getClass()), ceId, source, null, Instant.now()));
        producer.send(producerRecord);
        producer.flush();
        return ceId;
    }

    String sendCaseEvent(SpecificRecord event, String caseId) {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId, codec.encode(event));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(catalog.of(event.getClass()), ceId, "case-workflow", caseId, Instant.now()));
        producer.send(record);
        producer.flush();
        return ceId;
    }

    SubmissionAcknowledged awaitAcknowledgement(String ceId) {
        return (SubmissionAcknowledged) decode(requestingParty.await(r -> decode(r.value()) instanceof SubmissionAcknowledged ack
                && ceId.equals(ack.getSubmissionId()), 1).get(0).value());
    }

    SubmissionRejected awaitRejection(TopicReader party, String ceId) {
        return (SubmissionRejected) decode(party.await(r -> decode(r.value()) instanceof SubmissionRejected rejected
                && ceId.equals(rejected.getSubmissionId()), 1).get(0).value());
    }

    static boolean isErasureNotice(ConsumerRecord<String, byte[]> record) {
        return "org.readmission.case.personal-data-erased.v1".equals(CloudEventHeaders.read(record.headers()).type());
    }

    SpecificRecord decode(byte[] value) {
        try {
            return codec.decode(value);
        } catch (org.readmission.events.UndecodableEventException e) {
            throw new AssertionError("undecodable record", e);
        }
    }

    static CaseRef caseRef(String caseId, String applicationId) {
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId(applicationId)
                .setRequestingParty(Applications.party(DE_BPOL)).setRequestedParty(Applications.party(AZ_SMS)).build();
    }
}
