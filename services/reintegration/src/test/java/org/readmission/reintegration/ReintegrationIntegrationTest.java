package org.readmission.reintegration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.partner.Vulnerability;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;
import org.readmission.messaging.DeadLetters;
import org.readmission.reintegration.funnel.ReintegrationFunnel;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reintegration service over a real embedded KRaft broker and the Mongo-wire store over TCP: the case workflow's
 * referral requests in, minimised offers to the chosen provider out, the provider's reports kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "CAPACITY_AZ_EURP_GANJA=1"})
@EmbeddedKafka(kraft = true, partitions = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReintegrationIntegrationTest {

    /** Every field a provider may receive, per event type; anything else is a data-protection bug. */
    static final Map<Class<?>, Set<String>> PROVIDER_ALLOW_LIST = Map.of(
            ReintegrationReferralOffered.class, Set.of("caseRef", "occurredAt", "referralId", "personId", "providerParty",
                    "priority", "vulnerabilities", "needs", "region", "answerBy"),
            ReintegrationProgressReported.class, Set.of("caseRef", "occurredAt", "personId", "providerParty", "stage", "note"),
            PersonalDataErased.class, Set.of("caseRef", "occurredAt", "erasedAt", "reason", "scope", "personIds",
                    "retentionEndedAt", "note"));
    static final Set<String> CASE_REF_FIELDS = Set.of("caseId", "applicationId", "requestingParty", "requestedParty");
    static final List<String> PROVIDERS = List.of("AZ-SMS-RU", "IOM-AZ", "AZ-EURP-GANJA", "AZ-EURP-LANKARAN", "DE-CARITAS");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws java.io.IOException {
        ReintegrationTokens.trust(registry);
        java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("reintegration-it");
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("reintegration_it"));
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

    TopicReader updates;
    TopicReader referralsDlt;
    TopicReader updatesDlt;
    final Map<String, TopicReader> providerTopics = new java.util.HashMap<>();

    @BeforeAll
    void readers() {
        updates = new TopicReader(brokers, Topics.REINTEGRATION_UPDATES);
        referralsDlt = new TopicReader(brokers, Topics.dlt(Topics.REINTEGRATION_REFERRALS));
        updatesDlt = new TopicReader(brokers, Topics.dlt(Topics.REINTEGRATION_UPDATES));
        PROVIDERS.forEach(code -> providerTopics.put(code, new TopicReader(brokers, Topics.partnerNotifications(code))));
    }

    @AfterAll
    void closeReaders() {
        updates.close();
        referralsDlt.close();
        updatesDlt.close();
        providerTopics.values().forEach(TopicReader::close);
    }

    @Test
    void referralIsOfferedToAProviderWithCapacityAndItsProgressIsKept() {
        refer("RC-INT-1", "P-1", "cw-1-1", 1, "Ganja-Dashkasan", List.of(ReintegrationNeed.HOUSING, ReintegrationNeed.EMPLOYMENT));

        ReintegrationReferralOffered offer = awaitOffer("AZ-EURP-GANJA", "RC-INT-1", "P-1");
        assertThat(offer.getNeeds()).containsExactly(ReintegrationNeed.HOUSING, ReintegrationNeed.EMPLOYMENT);
        assertThat(offer.getRegion()).isEqualTo("Ganja-Dashkasan");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(assignments("RC-INT-1", "P-1"))
                .extracting(a -> a.getProviderParty().getValue()).containsExactly("AZ-EURP-GANJA"));

        report("AZ-EURP-GANJA", "RC-INT-1", "P-1", "p-1-1", ReintegrationStage.ACCEPTED);
        report("AZ-EURP-GANJA", "RC-INT-1", "P-1", "p-1-2", ReintegrationStage.SUPPORT_PLAN_AGREED);
        report("AZ-EURP-GANJA", "RC-INT-1", "P-1", "p-1-3", ReintegrationStage.FOLLOW_UP_ARRIVAL);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Object> referral = referral("RC-INT-1", "P-1");
            assertThat(referral).containsEntry("state", "IN_SUPPORT").containsEntry("provider", "AZ-EURP-GANJA");
            assertThat((List<?>) referral.get("followUps")).hasSize(1);
        });

        // the provider in Ganja has room for one: the next person of the region goes to the SMS unit
        refer("RC-INT-1", "P-2", "cw-1-2", 1, "Ganja-Dashkasan", List.of(ReintegrationNeed.HOUSING));
        awaitOffer("AZ-SMS-RU", "RC-INT-1", "P-2");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> assignments("RC-INT-1", "P-2").size() == 1);
        List<SpecificRecord> events = new ArrayList<>(decoded(updates.ofCase("RC-INT-1")));
        events.addAll(List.of(request("RC-INT-1", "P-1", 1, null, List.of()), request("RC-INT-1", "P-2", 1, null, List.of())));
        assertThat(ReintegrationFunnel.of(events)).isEqualTo(new ReintegrationFunnel.Figures(2, 1, 1, 0, 0));
    }

    @Test
    void sameReferralRequestTwiceIsOfferedOnce() {
        refer("RC-INT-2", "P-1", "cw-2-1", 1, "Lankaran-Astara", List.of(ReintegrationNeed.EMPLOYMENT));
        refer("RC-INT-2", "P-1", "cw-2-1", 1, "Lankaran-Astara", List.of(ReintegrationNeed.EMPLOYMENT));
        // a later request of the same case (same partition): once it is offered, both copies above were handled
        refer("RC-INT-2", "P-2", "cw-2-2", 1, "Lankaran-Astara", List.of(ReintegrationNeed.EMPLOYMENT));
        awaitOffer("AZ-EURP-LANKARAN", "RC-INT-2", "P-2");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> assignments("RC-INT-2", "P-2").size() == 1);

        assertThat(offers("AZ-EURP-LANKARAN", "RC-INT-2", "P-1")).hasSize(1);
        assertThat(assignments("RC-INT-2", "P-1")).hasSize(1);
    }

    @Test
    void declinedReferralIsReRoutedToTheNextProviderAndOthersCannotReportOnIt() {
        refer("RC-INT-4", "P-1", "cw-4-1", 1, "Lankaran-Astara", List.of(ReintegrationNeed.EDUCATION));
        awaitOffer("AZ-EURP-LANKARAN", "RC-INT-4", "P-1");
        report("AZ-EURP-LANKARAN", "RC-INT-4", "P-1", "p-4-1", ReintegrationStage.DECLINED);

        refer("RC-INT-4", "P-1", "cw-4-2", 2, "Lankaran-Astara", List.of(ReintegrationNeed.EDUCATION));

        awaitOffer("AZ-SMS-RU", "RC-INT-4", "P-1");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> assignments("RC-INT-4", "P-1").size() == 2);
        ReintegrationProviderAssigned second = assignments("RC-INT-4", "P-1").get(1);
        assertThat(second.getAttempt()).isEqualTo(2);
        assertThat(second.getExcludedProviders()).containsExactly("AZ-EURP-LANKARAN");

        report("IOM-AZ", "RC-INT-4", "P-1", "p-4-2", ReintegrationStage.ACCEPTED);
        ConsumerRecord<String, byte[]> refused = updatesDlt.await(r -> "RC-INT-4".equals(r.key()), 1).get(0);
        assertThat(header(refused, DeadLetters.REASON_CODE)).isEqualTo("SENDER_NOT_ALLOWED");
    }

    @Test
    void undecodableRecordsGoToTheDeadLetterTopicWithTheReason() throws Exception {
        kafka.send(new ProducerRecord<>(Topics.REINTEGRATION_REFERRALS, "RC-BAD-1", "not avro".getBytes(UTF_8))).get(10, TimeUnit.SECONDS);
        ProducerRecord<String, byte[]> withHeaders = new ProducerRecord<>(Topics.REINTEGRATION_REFERRALS, "RC-BAD-2", new byte[] {(byte) 0xC3, 1, 2, 3});
        CloudEventHeaders.write(withHeaders.headers(), CloudEventAttributes.of(
                EventCatalog.v1().of(ReintegrationReferralRequested.class), "bad-2", "case-workflow", "RC-BAD-2", Instant.now()));
        kafka.send(withHeaders).get(10, TimeUnit.SECONDS);

        assertThat(header(referralsDlt.await(r -> "RC-BAD-1".equals(r.key()), 1).get(0), DeadLetters.REASON_CODE)).isEqualTo("MISSING_HEADER");
        assertThat(header(referralsDlt.await(r -> "RC-BAD-2".equals(r.key()), 1).get(0), DeadLetters.REASON_CODE)).isEqualTo("UNDECODABLE_PAYLOAD");
    }

    @Test
    void consentWithdrawalRestrictsTheDataAndTellsTheProvider() {
        refer("RC-INT-3", "P-1", "cw-3-1", 1, "Baku", List.of(ReintegrationNeed.LEGAL_DOCUMENTS));
        awaitOffer("AZ-SMS-RU", "RC-INT-3", "P-1");

        send(Topics.REINTEGRATION_REFERRALS, "case-workflow", "cw-3-2", "RC-INT-3", ReintegrationConsentWithdrawn.newBuilder()
                .setCaseRef(caseRef("RC-INT-3")).setOccurredAt(Instant.now()).setPersonId("P-1").setRecordedBy("AZ-SMS").build());

        ReintegrationProgressReported told = (ReintegrationProgressReported) decode(providerTopics.get("AZ-SMS-RU")
                .await(r -> "RC-INT-3".equals(r.key()) && decode(r.value()) instanceof ReintegrationProgressReported, 1).get(0).value());
        assertThat(told.getStage()).isEqualTo(ReintegrationStage.CONSENT_WITHDRAWN);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(referral("RC-INT-3", "P-1"))
                .containsEntry("state", "CONSENT_WITHDRAWN").containsEntry("restricted", true)
                .containsEntry("needs", List.of()).containsEntry("region", null));
    }

    @Test
    void providersReceiveOnlyTheFieldsTheirServicesNeed() {
        refer("RC-INT-5", "P-1", "cw-5-1", 1, "Shaki-Zagatala", List.of(ReintegrationNeed.HEALTH, ReintegrationNeed.HOUSING),
                List.of(Vulnerability.TRAFFICKING_VICTIM), ReintegrationPriority.URGENT);
        awaitOffer("IOM-AZ", "RC-INT-5", "P-1");
        send(Topics.REINTEGRATION_REFERRALS, "case-workflow", "cw-5-2", "RC-INT-5", ReintegrationConsentWithdrawn.newBuilder()
                .setCaseRef(caseRef("RC-INT-5")).setOccurredAt(Instant.now()).setPersonId("P-1").setRecordedBy("AZ-SMS").build());
        providerTopics.get("IOM-AZ").await(r -> "RC-INT-5".equals(r.key()), 2);

        for (TopicReader topic : providerTopics.values()) {
            for (ConsumerRecord<String, byte[]> record : topic.poll()) {
                SpecificRecord event = decode(record.value());
                assertThat(PROVIDER_ALLOW_LIST).as("type sent to a provider").containsKey(event.getClass());
                assertThat(fieldNames(event.getSchema())).as(event.getClass().getSimpleName())
                        .isSubsetOf(PROVIDER_ALLOW_LIST.get(event.getClass()));
                assertThat(fieldNames(((CaseRef) event.get(event.getSchema().getField("caseRef").pos())).getSchema()))
                        .isEqualTo(CASE_REF_FIELDS);
            }
        }
    }

    // --- what the case workflow and the providers send

    void refer(String caseId, String personId, String ceId, int attempt, String region, List<ReintegrationNeed> needs) {
        refer(caseId, personId, ceId, attempt, region, needs, List.of(), ReintegrationPriority.STANDARD);
    }

    void refer(String caseId, String personId, String ceId, int attempt, String region, List<ReintegrationNeed> needs,
               List<Vulnerability> vulnerabilities, ReintegrationPriority priority) {
        ReintegrationReferralRequested request = request(caseId, personId, attempt, region, needs);
        request.setVulnerabilities(vulnerabilities);
        request.setPriority(priority);
        send(Topics.REINTEGRATION_REFERRALS, "case-workflow", ceId, caseId, request);
    }

    static ReintegrationReferralRequested request(String caseId, String personId, int attempt, String region,
                                                  List<ReintegrationNeed> needs) {
        return ReintegrationReferralRequested.newBuilder().setCaseRef(caseRef(caseId)).setOccurredAt(Instant.now())
                .setPersonId(personId).setConsentGiven(true).setRegion(region).setNeeds(needs).setAttempt(attempt)
                .setPriority(ReintegrationPriority.STANDARD).build();
    }

    void report(String provider, String caseId, String personId, String ceId, ReintegrationStage stage) {
        send(Topics.REINTEGRATION_UPDATES, provider, ceId, caseId, ReintegrationProgressReported.newBuilder()
                .setCaseRef(caseRef(caseId)).setOccurredAt(Instant.now()).setPersonId(personId)
                .setProviderParty(PartyCode.newBuilder().setValue(provider).build()).setStage(stage).build());
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

    static CaseRef caseRef(String caseId) {
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
                .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build();
    }

    // --- what comes out

    ReintegrationReferralOffered awaitOffer(String provider, String caseId, String personId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !offers(provider, caseId, personId).isEmpty());
        return offers(provider, caseId, personId).get(0);
    }

    List<ReintegrationReferralOffered> offers(String provider, String caseId, String personId) {
        return decoded(providerTopics.get(provider).ofCase(caseId)).stream()
                .filter(ReintegrationReferralOffered.class::isInstance).map(ReintegrationReferralOffered.class::cast)
                .filter(offer -> offer.getPersonId().equals(personId)).toList();
    }

    List<ReintegrationProviderAssigned> assignments(String caseId, String personId) {
        return decoded(updates.ofCase(caseId)).stream()
                .filter(ReintegrationProviderAssigned.class::isInstance).map(ReintegrationProviderAssigned.class::cast)
                .filter(assigned -> assigned.getPersonId().equals(personId)).toList();
    }

    List<SpecificRecord> decoded(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> decode(r.value())).toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> referral(String caseId, String personId) {
        List<Map<String, Object>> referrals = http.exchange("/api/v1/referrals?caseId=" + caseId, org.springframework.http.HttpMethod.GET,
                ReintegrationTokens.bearer(ReintegrationTokens.officer("DE-BPOL")), List.class).getBody();
        return referrals.stream().filter(r -> personId.equals(r.get("personId"))).findFirst().orElseThrow();
    }

    SpecificRecord decode(byte[] value) {
        try {
            return codec.decode(value);
        } catch (org.readmission.events.UndecodableEventException e) {
            throw new AssertionError("a record the service wrote does not decode", e);
        }
    }

    static Set<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).collect(Collectors.toSet());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
