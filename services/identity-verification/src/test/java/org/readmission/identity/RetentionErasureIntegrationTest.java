package org.readmission.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.readmission.identity.VerificationRequestsSender.newCaseId;
import static org.readmission.identity.VerificationRequestsSender.passport;
import static org.readmission.identity.VerificationRequestsSender.person;
import static org.readmission.identity.VerificationRequestsSender.request;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.identity.registry.FalseDocuments;
import org.readmission.identity.registry.PassportRegistry;
import org.readmission.identity.registry.SyntheticEnrolment;
import org.readmission.identity.testdata.SyntheticPerson;
import org.readmission.identity.testdata.SyntheticRegistry;
import org.readmission.messaging.DeadLetters;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
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
 * A case past its retention period has no readable personal data left in this service, and both parties are told
 * once: the service over a real embedded KRaft broker and the Mongo-wire store over TCP, with a clock the test moves.
 * Also: before any erasure, the stored results hold no plaintext document number, template, name or finding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.health.mongo.enabled=false",
        // the test runs the job itself, on its clock
        "readmission.retention.initial-delay=P1D"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = {"readmission.partner-notifications.de-bpol",
        "readmission.partner-notifications.az-sms"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RetentionErasureIntegrationTest.ControlledClock.class)
class RetentionErasureIntegrationTest {

    static final SyntheticRegistry REGISTRY = SyntheticRegistry.generate(4, 12);
    static final AvroCodec CODEC = new AvroCodec(EventCatalog.v1());
    static final Instant CLOSED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final MovableClock CLOCK = new MovableClock(CLOSED_AT);
    /** The sealed field of a stored result, as the service names it in the associated data. */
    static final SensitiveField VERIFICATION_RESULT = () -> "verificationResult";
    /** The registry (the requested state's reference data, not case data) keeps its records: not searched. */
    static final Set<String> REGISTRY_COLLECTIONS = Set.of("registry_persons", "registry_documents",
            "registry_fingerprints", "false_documents");

    @TestConfiguration
    static class ControlledClock {
        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws Exception {
        IdentityTokens.trust(properties);
        Path dataDir = Files.createTempDirectory("identity-verification-retention");
        properties.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("identity_verification_retention_it"));
        properties.add("readmission.data-dir", dataDir::toString);
    }

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    PassportRegistry registry;
    @Autowired
    FalseDocuments falseDocuments;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseKeys caseKeys;
    @Autowired
    Retention retention;
    @Autowired
    RetentionJob job;

    VerificationRequestsSender sender;
    TopicReader results;
    TopicReader requestsDlt;
    TopicReader requestingParty;
    TopicReader requestedParty;

    @BeforeAll
    void connect() {
        SyntheticEnrolment.enrolAll(REGISTRY, registry, falseDocuments);
        sender = new VerificationRequestsSender(brokers);
        results = new TopicReader(brokers, Topics.IDENTITY_VERIFICATION_RESULTS);
        requestsDlt = new TopicReader(brokers, Topics.dlt(Topics.IDENTITY_VERIFICATION_REQUESTS));
        requestingParty = new TopicReader(brokers, Topics.partnerNotifications("DE-BPOL"));
        requestedParty = new TopicReader(brokers, Topics.partnerNotifications("AZ-SMS"));
    }

    @AfterAll
    void disconnect() {
        sender.close();
        List.of(results, requestsDlt, requestingParty, requestedParty).forEach(TopicReader::close);
    }

    @BeforeEach
    void clockAtClosure() {
        CLOCK.set(CLOSED_AT);
    }

    /** What a verification of one person puts in clear must not be stored in clear: numbers, names, templates, findings. */
    @Test
    void storesTheResultWithoutPlaintextDocumentNumberTemplateNameOrFinding() throws Exception {
        SyntheticPerson known = REGISTRY.persons().get(4);
        List<byte[]> fingerprints = known.recapturedFingerprints(5);
        String caseId = newCaseId();
        String requestId = sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(known, List.of(passport(known.passport())), List.of(), fingerprints)));
        IdentityVerificationCompleted result = decode(results.await(r -> caseId.equals(r.key()), 1).get(0));

        RawBsonDocument stored = raw("verification_results", requestId);
        List<String> personal = personalValues(List.of(known), List.of(result));
        assertThat(readable(stored, personal)).as("stored in clear").isEmpty();
        for (byte[] template : fingerprints) {
            assertThat(contains(bytes(stored), minutiae(template))).as("a template in the stored result").isFalse();
        }
        Document document = Document.parse(stored.toJson());
        assertThat(document).doesNotContainKeys("event", "outcome").containsEntry("caseId", caseId)
                .containsEntry("personId", "p1").containsEntry("status", "PUBLISHED");
        // sealed under the case's key, bound to the case, the request and the field: it reads as the published result
        byte[] sealed = document.get("sealedResult", Binary.class).getData();
        assertThat(CODEC.decode(caseKeys.decrypt(caseId, requestId, sealed, VERIFICATION_RESULT))).isEqualTo(result);
        assertThatThrownBy(() -> caseKeys.decrypt(caseId, "another-request", sealed, VERIFICATION_RESULT))
                .hasMessageNotContaining(known.surname());
    }

    @Test
    void caseBeyondItsRetentionPeriodHasNoReadableResultLeftAndThePartiesAreToldOnce() throws Exception {
        // case A: two persons, one with passport and fingerprints, one with a passport; case B: another person
        SyntheticPerson first = REGISTRY.persons().get(0);
        SyntheticPerson second = REGISTRY.persons().get(1);
        SyntheticPerson other = REGISTRY.persons().get(3);
        List<byte[]> fingerprints = first.recapturedFingerprints(7);
        String caseA = newCaseId();
        String caseB = newCaseId();
        String requestA1 = sender.send(caseA, UUID.randomUUID().toString(),
                request(caseA, person(first, List.of(passport(first.passport())), List.of(), fingerprints)));
        String requestA2 = sender.send(caseA, UUID.randomUUID().toString(), request(caseA,
                Person.newBuilder(person(second, List.of(passport(second.passport())), List.of(), List.of())).setPersonId("p2").build()));
        String requestB = sender.send(caseB, UUID.randomUUID().toString(),
                request(caseB, person(other, List.of(passport(other.passport())), List.of(), List.of())));
        List<IdentityVerificationCompleted> resultsA = results.await(r -> caseA.equals(r.key()), 2).stream()
                .map(RetentionErasureIntegrationTest::decode).toList();
        IdentityVerificationCompleted resultB = decode(results.await(r -> caseB.equals(r.key()), 1).get(0));
        List<String> personalA = personalValues(List.of(first, second), resultsA);
        byte[] sealedA1 = sealed(requestA1);

        // both cases closed: A now, B 400 days later (the clock has not moved: events carry their dates)
        close(caseA, CLOSED_AT);
        close(caseB, CLOSED_AT.plus(Duration.ofDays(400)));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> retention.of(caseA).isPresent() && retention.of(caseB).isPresent());
        Instant retainUntil = CLOSED_AT.atZone(ZoneOffset.UTC).plusMonths(60).toInstant();
        assertThat(retention.of(caseA).orElseThrow().retainUntil()).isEqualTo(retainUntil);

        // a day before the period ends: nothing happens, the results read
        CLOCK.set(retainUntil.minus(Duration.ofDays(1)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        assertThat(((IdentityVerificationCompleted) CODEC.decode(caseKeys.decrypt(caseA, requestA1, sealed(requestA1),
                VERIFICATION_RESULT))).getPersonId()).isEqualTo("p1");
        assertThat(resultsA).contains((IdentityVerificationCompleted) CODEC.decode(
                caseKeys.decrypt(caseA, requestA2, sealed(requestA2), VERIFICATION_RESULT)));

        // the period is over
        CLOCK.set(retainUntil.plus(Duration.ofDays(1)));
        long accessesOfA = mongo.getCollection("access_log").countDocuments(Filters.eq("caseId", caseA));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(1, 0, 0));

        // nothing readable is left of case A in any of the service's collections besides the registry
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            if (REGISTRY_COLLECTIONS.contains(collection)) {
                continue;
            }
            for (RawBsonDocument document : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find()) {
                readable(document, personalA).forEach(value -> found.add(collection + ": " + value));
                for (byte[] template : fingerprints) {
                    if (contains(bytes(document), minutiae(template))) {
                        found.add(collection + ": a fingerprint template");
                    }
                }
            }
        }
        assertThat(found).as("personal data of the erased case").isEmpty();
        for (String requestId : List.of(requestA1, requestA2)) {
            assertThat(Document.parse(raw("verification_results", requestId).toJson()))
                    .doesNotContainKeys("sealedResult", "event", "outcome")
                    .containsEntry("caseId", caseA).containsKey("erasedAt");
        }
        assertThat(Document.parse(raw("case_keys", caseA).toJson()).keySet()).containsExactlyInAnyOrder("_id", "shreddedAt");
        assertThatThrownBy(() -> caseKeys.decrypt(caseA, requestA1, sealedA1, VERIFICATION_RESULT))
                .isInstanceOf(CaseKeyShreddedException.class).hasMessageNotContaining(first.surname());

        // the other case is untouched
        assertThat(CODEC.decode(caseKeys.decrypt(caseB, requestB, sealed(requestB), VERIFICATION_RESULT))).isEqualTo(resultB);
        assertThat(Document.parse(raw("case_keys", caseB).toJson())).containsKey("wrappedKeyset");
        assertThat(retention.erased(caseB)).isFalse();

        // both parties are told, with the same ce_id
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            ConsumerRecord<String, byte[]> record = erasureNotices(party, caseA, 1).get(0);
            PersonalDataErased notice = (PersonalDataErased) CODEC.decode(record.value());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(EventIds.deterministic(caseA, "erased:IDENTITY_VERIFICATION"));
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("identity-verification");
            assertThat(notice.getReason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
            assertThat(notice.getScope()).containsExactly(ErasureScope.IDENTITY_VERIFICATION);
            assertThat(notice.getPersonIds()).containsExactly("p1", "p2");
            assertThat(notice.getRetentionEndedAt()).isEqualTo(retainUntil);
            assertThat(notice.getCaseRef().getRequestingParty().getValue()).isEqualTo("DE-BPOL");
            assertThat(notice.getCaseRef().getRequestedParty().getValue()).isEqualTo("AZ-SMS");
            assertThat(readable(notice.toString(), personalA)).isEmpty();
        }

        // a second run changes nothing and sends nothing again
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        for (String partyCode : List.of("DE-BPOL", "AZ-SMS")) {
            TopicReader party = partyCode.equals("DE-BPOL") ? requestingParty : requestedParty;
            marker(Topics.partnerNotifications(partyCode), caseA);
            party.await(r -> caseA.equals(r.key()) && "marker".equals(header(r, CloudEventHeaders.ID)), 1);
            assertThat(party.ofCase(caseA).stream().filter(RetentionErasureIntegrationTest::isErasureNotice)).as(partyCode).hasSize(1);
            assertThat(party.ofCase(caseB).stream().filter(RetentionErasureIntegrationTest::isErasureNotice)).isEmpty();
        }

        // a late request of the erased case is dead-lettered, nothing is looked up or kept for it
        sender.send(caseA, UUID.randomUUID().toString(),
                request(caseA, person(first, List.of(passport(first.passport())), List.of(), fingerprints)));
        ConsumerRecord<String, byte[]> refused = requestsDlt.await(r -> caseA.equals(r.key()), 1).get(0);
        assertThat(header(refused, DeadLetters.REASON_CODE)).isEqualTo(Retention.CASE_ERASED);
        assertThat(header(refused, DeadLetters.REASON_MESSAGE)).contains(caseA).doesNotContain(first.surname());
        assertThat(mongo.getCollection("verification_results").countDocuments(Filters.eq("caseId", caseA))).isEqualTo(2);
        assertThat(mongo.getCollection("access_log").countDocuments(Filters.eq("caseId", caseA))).isEqualTo(accessesOfA);
        assertThat(results.ofCase(caseA)).hasSize(2);
    }

    /** A case whose key is shredded (an erasure still under way, or done by another instance) is refused the same way. */
    @Test
    void refusesARequestOfACaseWhoseKeyIsShredded() {
        SyntheticPerson known = REGISTRY.persons().get(5);
        String caseId = newCaseId();
        caseKeys.shred(caseId);
        sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(known, List.of(passport(known.passport())), List.of(), List.of())));

        ConsumerRecord<String, byte[]> refused = requestsDlt.await(r -> caseId.equals(r.key()), 1).get(0);

        assertThat(header(refused, DeadLetters.REASON_CODE)).isEqualTo(Retention.CASE_ERASED);
        assertThat(header(refused, DeadLetters.REASON_MESSAGE)).isEqualTo(Retention.erasedMessage(caseId));
        assertThat(mongo.getCollection("verification_results").countDocuments(Filters.eq("caseId", caseId))).isZero();
        assertThat(mongo.getCollection("access_log").countDocuments(Filters.eq("caseId", caseId))).isZero();
    }

    // --- input

    void close(String caseId, Instant closedAt) {
        CaseClosed closed = CaseClosed.newBuilder().setCaseRef(caseRef(caseId)).setOccurredAt(closedAt)
                .setOutcome(CaseOutcome.TRANSFERRED).setClosedAt(closedAt).build();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId, CODEC.encode(closed));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(EventCatalog.v1().of(CaseClosed.class),
                UUID.randomUUID().toString(), "case-workflow", caseId, Instant.now()));
        sender.sendRaw(record);
    }

    static CaseRef caseRef(String caseId) {
        IdentityVerificationRequested request = request(caseId, person(REGISTRY.persons().get(0), List.of(), List.of(), List.of()));
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                .setApplicationId(request.getCaseRef().getApplicationId())
                .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
                .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build();
    }

    /** A record of the test on a party's topic, after everything the service sent there for the case (same key). */
    void marker(String topic, String caseId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, new byte[0]);
        record.headers().add(CloudEventHeaders.ID, "marker".getBytes(UTF_8));
        sender.sendRaw(record);
    }

    // --- output

    List<ConsumerRecord<String, byte[]>> erasureNotices(TopicReader party, String caseId, int count) {
        return party.await(r -> caseId.equals(r.key()) && isErasureNotice(r), count);
    }

    static boolean isErasureNotice(ConsumerRecord<String, byte[]> record) {
        return EventCatalog.v1().of(PersonalDataErased.class).ceType().equals(header(record, CloudEventHeaders.TYPE));
    }

    byte[] sealed(String requestId) {
        return Document.parse(raw("verification_results", requestId).toJson()).get("sealedResult", Binary.class).getData();
    }

    RawBsonDocument raw(String collection, String id) {
        Bson byId = Filters.eq("_id", id);
        RawBsonDocument document = mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find(byId).first();
        assertThat(document).as(collection + " " + id).isNotNull();
        return document;
    }

    /** The persons' document numbers and names, and the findings of their results (reasons, codes, score band). */
    static List<String> personalValues(List<SyntheticPerson> persons, List<IdentityVerificationCompleted> verified) {
        List<String> values = new ArrayList<>();
        for (SyntheticPerson person : persons) {
            values.add(person.passport().number());
            values.add(person.surname());
            values.add(person.givenNames());
        }
        for (IdentityVerificationCompleted result : verified) {
            values.addAll(result.getReasons());
            values.addAll(result.getReasonCodes());
            values.add(result.getOutcome().name());
            if (result.getFingerprintScoreBand() != null) {
                values.add(result.getFingerprintScoreBand());
            }
        }
        return values.stream().distinct().toList();
    }

    static List<String> readable(RawBsonDocument document, List<String> values) {
        return readable(new String(bytes(document), UTF_8), values);
    }

    static List<String> readable(String text, List<String> values) {
        return values.stream().filter(text::contains).toList();
    }

    static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /** The minutiae part of a template (after the 28-byte headers): what would give a template away. */
    static byte[] minutiae(byte[] template) {
        return Arrays.copyOfRange(template, 28, Math.min(template.length, 28 + 48));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static IdentityVerificationCompleted decode(ConsumerRecord<String, byte[]> record) {
        try {
            return (IdentityVerificationCompleted) CODEC.decode(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.header(record.headers(), name);
    }
}
