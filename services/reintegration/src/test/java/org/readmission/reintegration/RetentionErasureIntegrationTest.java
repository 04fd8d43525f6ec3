package org.readmission.reintegration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.partner.Vulnerability;
import org.readmission.messaging.DeadLetters;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
import org.readmission.retention.Retention;
import org.readmission.retention.RetentionJob;
import org.readmission.testing.MovableClock;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A case past its retention period has no readable personal data left in this service, and the parties are told:
 * the service over a real embedded KRaft broker and the Mongo-wire store over TCP, with a clock the test moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        // the test runs the job itself, on its clock
        "readmission.retention.initial-delay=P1D"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {"readmission.partner-notifications.de-bpol",
        "readmission.partner-notifications.az-sms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RetentionErasureIntegrationTest.ControlledClock.class)
class RetentionErasureIntegrationTest {

    static final Instant CLOSED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final MovableClock CLOCK = new MovableClock(CLOSED_AT);
    /** Personal data of the person of RC-RET-1, as it arrives; none of it may be readable after the erasure. */
    static final List<String> PERSONAL = List.of("Shaki-Zagatala", "TRAFFICKING_VICTIM", "HEALTH", "URGENT",
            "stays with his sister", "clinic appointment");

    @TestConfiguration
    static class ControlledClock {
        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws Exception {
        ReintegrationTokens.trust(registry);
        Path dataDir = Files.createTempDirectory("reintegration-retention");
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("reintegration_retention_it"));
        registry.add("readmission.data-dir", dataDir::toString);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    AvroCodec codec;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseKeys caseKeys;
    @Autowired
    Retention retention;
    @Autowired
    RetentionJob job;

    TopicReader requestingParty;
    TopicReader requestedParty;
    TopicReader provider;
    TopicReader lateProvider;
    TopicReader referralsDlt;
    TopicReader updatesDlt;

    @BeforeAll
    void readers() {
        requestingParty = new TopicReader(brokers, Topics.partnerNotifications("DE-BPOL"));
        requestedParty = new TopicReader(brokers, Topics.partnerNotifications("AZ-SMS"));
        provider = new TopicReader(brokers, Topics.partnerNotifications("IOM-AZ"));
        lateProvider = new TopicReader(brokers, Topics.partnerNotifications("AZ-EURP-LANKARAN"));
        referralsDlt = new TopicReader(brokers, Topics.dlt(Topics.REINTEGRATION_REFERRALS));
        updatesDlt = new TopicReader(brokers, Topics.dlt(Topics.REINTEGRATION_UPDATES));
    }

    @AfterAll
    void closeReaders() {
        List.of(requestingParty, requestedParty, provider, lateProvider, referralsDlt, updatesDlt).forEach(TopicReader::close);
    }

    @Test
    void caseBeyondItsRetentionPeriodHasNoReadablePersonalDataAndThePartiesAreToldOnce() throws Exception {
        // a returned person referred, accepted, followed up; another case's person referred elsewhere
        refer("RC-RET-1", "P-1", "cw-r1-1", "Shaki-Zagatala", List.of(ReintegrationNeed.HEALTH, ReintegrationNeed.HOUSING),
                List.of(Vulnerability.TRAFFICKING_VICTIM), ReintegrationPriority.URGENT);
        await(provider, "RC-RET-1", ReintegrationReferralOffered.class, 1);
        report("IOM-AZ", "RC-RET-1", "P-1", "iom-r1-1", ReintegrationStage.ACCEPTED, "Returnee stays with his sister");
        report("IOM-AZ", "RC-RET-1", "P-1", "iom-r1-2", ReintegrationStage.FOLLOW_UP_ARRIVAL, "clinic appointment booked");
        refer("RC-RET-2", "P-1", "cw-r2-1", "Lankaran-Astara", List.of(ReintegrationNeed.EMPLOYMENT), List.of(),
                ReintegrationPriority.STANDARD);
        await(lateProvider, "RC-RET-2", ReintegrationReferralOffered.class, 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(referral("RC-RET-1", "P-1"))
                .containsEntry("state", "IN_SUPPORT").satisfies(r -> assertThat((List<?>) r.get("followUps")).hasSize(1)));

        // both cases closed: RC-RET-1 now, RC-RET-2 400 days later (the clock has not moved: events carry their dates)
        close("RC-RET-1", "cw-r1-closed", CLOSED_AT);
        close("RC-RET-2", "cw-r2-closed", CLOSED_AT.plus(Duration.ofDays(400)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> retention.of("RC-RET-1").isPresent()
                && retention.of("RC-RET-2").isPresent());
        Instant retainUntil = CLOSED_AT.atZone(ZoneOffset.UTC).plusMonths(60).toInstant();
        assertThat(retention.of("RC-RET-1").orElseThrow().retainUntil()).isEqualTo(retainUntil);

        // at rest the person's data is sealed under the case key, never in clear
        RawBsonDocument before = raw("referrals", "RC-RET-1/P-1");
        assertThat(readable(before)).as("stored in clear").isEmpty();
        byte[] sealed = ((Binary) Document.parse(before.toJson()).get("personalData", Binary.class)).getData();
        assertThat(new String(caseKeys.decrypt("RC-RET-1", "RC-RET-1/P-1", sealed, REFERRAL_DATA), UTF_8))
                .contains("Shaki-Zagatala", "TRAFFICKING_VICTIM", "stays with his sister");

        // a day before the period ends: nothing happens
        CLOCK.set(retainUntil.minus(Duration.ofDays(1)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        assertThat(referral("RC-RET-1", "P-1")).containsEntry("region", "Shaki-Zagatala")
                .containsEntry("vulnerabilities", List.of("TRAFFICKING_VICTIM"));

        // the period is over
        CLOCK.set(retainUntil.plus(Duration.ofDays(1)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(1, 0, 0));

        // nothing readable is left for RC-RET-1, in any of the service's collections, and the old ciphertext is dead
        assertThat(readable(raw("referrals", "RC-RET-1/P-1"))).isEmpty();
        assertThat(Document.parse(raw("referrals", "RC-RET-1/P-1").toJson()))
                .doesNotContainKeys("personalData", "provider", "region", "needs", "supportPlanAgreedAt")
                .containsEntry("state", "ERASED");
        assertThat(readable(raw("case_retention", "RC-RET-1"))).isEmpty();
        assertThat(Document.parse(raw("case_keys", "RC-RET-1").toJson()).keySet()).containsExactlyInAnyOrder("_id", "shreddedAt");
        assertThatThrownBy(() -> caseKeys.decrypt("RC-RET-1", "RC-RET-1/P-1", sealed, REFERRAL_DATA))
                .isInstanceOf(CaseKeyShreddedException.class).hasMessageNotContaining("Shaki");
        assertThat(referral("RC-RET-1", "P-1")).containsEntry("state", "ERASED").containsEntry("region", null)
                .containsEntry("needs", List.of()).containsEntry("vulnerabilities", List.of()).containsEntry("provider", null)
                .containsEntry("followUps", List.of());

        // the other case is untouched
        assertThat(referral("RC-RET-2", "P-1")).containsEntry("region", "Lankaran-Astara").containsEntry("state", "OFFERED");
        assertThat(Document.parse(raw("case_keys", "RC-RET-2").toJson())).containsKey("wrappedKeyset");

        // both parties and the provider that held the data are told, with the same ce_id
        for (TopicReader party : List.of(requestingParty, requestedParty, provider)) {
            ConsumerRecord<String, byte[]> record = await(party, "RC-RET-1", PersonalDataErased.class, 1).get(0);
            PersonalDataErased notice = (PersonalDataErased) codec.decode(record.value());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(EventIds.deterministic("RC-RET-1", "erased:REINTEGRATION"));
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("reintegration");
            assertThat(notice.getReason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
            assertThat(notice.getScope()).containsExactly(ErasureScope.REINTEGRATION);
            assertThat(notice.getPersonIds()).containsExactly("P-1");
            assertThat(notice.getRetentionEndedAt()).isEqualTo(retainUntil);
            assertThat(notice.getCaseRef().getRequestingParty().getValue()).isEqualTo("DE-BPOL");
            assertThat(notice.getCaseRef().getRequestedParty().getValue()).isEqualTo("AZ-SMS");
        }
        assertThat(ofType(lateProvider, "RC-RET-2", PersonalDataErased.class)).isEmpty();

        // a second run changes nothing and sends nothing again
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        for (TopicReader party : List.of(requestingParty, requestedParty, provider)) {
            String topic = party == requestingParty ? Topics.partnerNotifications("DE-BPOL")
                    : party == requestedParty ? Topics.partnerNotifications("AZ-SMS") : Topics.partnerNotifications("IOM-AZ");
            marker(topic, "RC-RET-1");
            party.await(r -> "RC-RET-1".equals(r.key()) && "marker".equals(header(r, CloudEventHeaders.ID)), 1);
            assertThat(ofType(party, "RC-RET-1", PersonalDataErased.class)).as(topic).hasSize(1);
        }

        // late events cannot bring data of the erased case back
        report("IOM-AZ", "RC-RET-1", "P-1", "iom-r1-3", ReintegrationStage.FOLLOW_UP_3_MONTHS, "new address in Sheki");
        refer("RC-RET-1", "P-2", "cw-r1-2", "Shaki-Zagatala", List.of(ReintegrationNeed.HOUSING), List.of(),
                ReintegrationPriority.STANDARD);
        assertThat(header(updatesDlt.await(r -> "RC-RET-1".equals(r.key()), 1).get(0), DeadLetters.REASON_CODE))
                .isEqualTo("CASE_ERASED");
        assertThat(header(referralsDlt.await(r -> "RC-RET-1".equals(r.key()), 1).get(0), DeadLetters.REASON_CODE))
                .isEqualTo("CASE_ERASED");
        assertThat(mongo.getCollection("referrals").countDocuments(Filters.eq("caseId", "RC-RET-1"))).isEqualTo(1);
    }

    // --- input

    static final SensitiveField REFERRAL_DATA = () -> "REFERRAL_PERSONAL_DATA";

    void refer(String caseId, String personId, String ceId, String region, List<ReintegrationNeed> needs,
               List<Vulnerability> vulnerabilities, ReintegrationPriority priority) {
        send(Topics.REINTEGRATION_REFERRALS, "case-workflow", ceId, caseId, ReintegrationReferralRequested.newBuilder()
                .setCaseRef(ReintegrationIntegrationTest.caseRef(caseId)).setOccurredAt(Instant.now()).setPersonId(personId)
                .setConsentGiven(true).setRegion(region).setNeeds(needs).setVulnerabilities(vulnerabilities)
                .setAttempt(1).setPriority(priority).build());
    }

    void report(String providerCode, String caseId, String personId, String ceId, ReintegrationStage stage, String note) {
        send(Topics.REINTEGRATION_UPDATES, providerCode, ceId, caseId, ReintegrationProgressReported.newBuilder()
                .setCaseRef(ReintegrationIntegrationTest.caseRef(caseId)).setOccurredAt(Instant.now()).setPersonId(personId)
                .setProviderParty(PartyCode.newBuilder().setValue(providerCode).build()).setStage(stage).setNote(note).build());
    }

    void close(String caseId, String ceId, Instant closedAt) {
        send(Topics.CASE_EVENTS, "case-workflow", ceId, caseId, CaseClosed.newBuilder()
                .setCaseRef(ReintegrationIntegrationTest.caseRef(caseId)).setOccurredAt(closedAt)
                .setOutcome(CaseOutcome.TRANSFERRED).setClosedAt(closedAt).build());
    }

    void send(String topic, String source, String ceId, String caseId, SpecificRecord event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, codec.encode(event));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(EventCatalog.v1().of(event.getClass()), ceId,
                source, caseId, Instant.now()));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record of the test on a party's topic, after everything the service sent there for the case (same key). */
    void marker(String topic, String caseId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, new byte[0]);
        record.headers().add(CloudEventHeaders.ID, "marker".getBytes(UTF_8));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- output

    List<ConsumerRecord<String, byte[]>> await(TopicReader topic, String caseId, Class<?> type, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ofType(topic, caseId, type).size() >= count);
        return ofType(topic, caseId, type);
    }

    List<ConsumerRecord<String, byte[]>> ofType(TopicReader topic, String caseId, Class<?> type) {
        String ceType = EventCatalog.v1().of(type.asSubclass(SpecificRecord.class)).ceType();
        return topic.ofCase(caseId).stream().filter(r -> ceType.equals(header(r, CloudEventHeaders.TYPE))).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> referral(String caseId, String personId) {
        List<Map<String, Object>> referrals = http.exchange("/api/v1/referrals?caseId=" + caseId, org.springframework.http.HttpMethod.GET,
                ReintegrationTokens.bearer(ReintegrationTokens.officer("DE-BPOL")), List.class).getBody();
        return referrals.stream().filter(r -> personId.equals(r.get("personId"))).findFirst().orElseThrow();
    }

    RawBsonDocument raw(String collection, String id) {
        RawBsonDocument document = mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("_id", id)).first();
        assertThat(document).as(collection + " " + id).isNotNull();
        return document;
    }

    /** The person's data found in the raw BSON bytes of a document. */
    static List<String> readable(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        String text = new String(bytes, UTF_8);
        return PERSONAL.stream().filter(text::contains).toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
