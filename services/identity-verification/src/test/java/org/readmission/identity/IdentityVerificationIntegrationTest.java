package org.readmission.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.readmission.identity.VerificationRequestsSender.birthCertificateCopy;
import static org.readmission.identity.VerificationRequestsSender.newCaseId;
import static org.readmission.identity.VerificationRequestsSender.passport;
import static org.readmission.identity.VerificationRequestsSender.person;
import static org.readmission.identity.VerificationRequestsSender.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.identity.protection.AccessLog;
import org.readmission.identity.protection.AccessPurpose;
import org.readmission.identity.protection.AccessRecord;
import org.readmission.identity.registry.FalseDocuments;
import org.readmission.identity.registry.PassportRegistry;
import org.readmission.identity.registry.SyntheticEnrolment;
import org.readmission.identity.testdata.SyntheticFalseDocument;
import org.readmission.identity.testdata.SyntheticPerson;
import org.readmission.identity.testdata.SyntheticRegistry;
import org.readmission.messaging.DeadLetters;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Identity verification on an embedded KRaft broker and the Mongo-wire store over TCP, with a synthetic registry:
 * requests are sent as the case workflow sends them; results are read as the case workflow reads them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.health.mongo.enabled=false"})
@EmbeddedKafka(kraft = true, partitions = 3)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class IdentityVerificationIntegrationTest {

    static final SyntheticRegistry REGISTRY = SyntheticRegistry.generate(4, 12);
    static final AvroCodec CODEC = new AvroCodec(EventCatalog.v1());

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    PassportRegistry registry;
    @Autowired
    FalseDocuments falseDocuments;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccessLog accessLog;

    VerificationRequestsSender sender;
    TopicReader results;
    TopicReader deadLetters;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws IOException {
        IdentityTokens.trust(properties);
        Path keys = Files.createTempDirectory("identity-verification-keys");
        properties.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("identity_verification_it"));
        properties.add("readmission.data-dir", keys::toString);
    }

    @BeforeEach
    void connect() {
        synchronized (IdentityVerificationIntegrationTest.class) {
            if (registry.size() == 0) {
                SyntheticEnrolment.enrolAll(REGISTRY, registry, falseDocuments);
            }
        }
        sender = new VerificationRequestsSender(brokers);
        results = new TopicReader(brokers, Topics.IDENTITY_VERIFICATION_RESULTS);
        deadLetters = new TopicReader(brokers, Topics.dlt(Topics.IDENTITY_VERIFICATION_REQUESTS));
    }

    @AfterEach
    void disconnect() {
        sender.close();
        results.close();
        deadLetters.close();
    }

    @Test
    void confirmsARegistryPersonWithAValidPassport() {
        SyntheticPerson known = REGISTRY.persons().get(0);
        String caseId = newCaseId();
        String ceId = sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(known, List.of(passport(known.passport())), List.of(), List.of())));

        ConsumerRecord<String, byte[]> record = awaitResult(caseId);
        IdentityVerificationCompleted result = decode(record);

        assertThat(result.getOutcome()).isEqualTo(VerificationOutcome.CONFIRMED);
        assertThat(result.getEvidenceClass()).isEqualTo(AnnexClass.PROOF);
        assertThat(result.getReasonCodes()).first().isEqualTo("PROOF_FOUND");
        assertThat(result.getPersonId()).isEqualTo("p1");
        assertThat(result.getCaseRef().getRequestingParty().getValue()).isEqualTo("DE-BPOL");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("identity-verification");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(EventIds.deterministic(ceId, "verification-result"));
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("org.readmission.identity.verification-completed.v1");
        assertThat(accessLog.ofCase(caseId)).extracting(AccessRecord::purpose)
                .contains(AccessPurpose.VERIFY_IDENTITY_FOR_READMISSION, AccessPurpose.CHECK_FALSE_DOCUMENT_LIST);
    }

    @Test
    void asksForAnInterviewForAnUnknownPersonWithOnlyABirthCertificateCopy() {
        SyntheticPerson unknown = REGISTRY.unknownPersons().get(0);
        String caseId = newCaseId();
        sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(unknown, List.of(), List.of(birthCertificateCopy()), List.of())));

        IdentityVerificationCompleted result = decode(awaitResult(caseId));

        assertThat(result.getOutcome()).isEqualTo(VerificationOutcome.INTERVIEW_REQUIRED);
        assertThat(result.getEvidenceClass()).isEqualTo(AnnexClass.PRIMA_FACIE);
        assertThat(result.getReasons().get(0)).contains("copy of birth certificate").contains("consular interview");
        assertThat(result.getFingerprintScoreBand()).isNull();
    }

    @Test
    void refusesAForgedPassportWithAReason() {
        SyntheticFalseDocument forged = REGISTRY.falseDocuments().get(0);
        String caseId = newCaseId();
        sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(forged.presentedBy(), List.of(passport(forged.document())), List.of(), List.of())));

        IdentityVerificationCompleted result = decode(awaitResult(caseId));

        assertThat(result.getOutcome()).isEqualTo(VerificationOutcome.NOT_CONFIRMED);
        assertThat(result.getReasonCodes()).first().isEqualTo("FALSE_DOCUMENT_PRESENTED");
        assertThat(result.getReasons().get(0)).contains("national passport issued by AZ").contains("forged documents");
    }

    @Test
    void confirmsByFingerprintsAPersonWithoutDocumentsAndRefusesSomeoneElsesPassport() {
        SyntheticPerson known = REGISTRY.persons().get(2);
        SyntheticPerson other = REGISTRY.persons().get(1);
        String byFingerprints = newCaseId();
        String impostor = newCaseId();
        sender.send(byFingerprints, UUID.randomUUID().toString(), request(byFingerprints,
                person(REGISTRY.unknownPersons().get(1), List.of(), List.of(), known.recapturedFingerprints(1))));
        sender.send(impostor, UUID.randomUUID().toString(), request(impostor,
                person(known, List.of(passport(known.passport())), List.of(), other.recapturedFingerprints(2))));

        IdentityVerificationCompleted identified = decode(awaitResult(byFingerprints));
        IdentityVerificationCompleted refused = decode(awaitResult(impostor));

        assertThat(identified.getOutcome()).isEqualTo(VerificationOutcome.CONFIRMED);
        assertThat(identified.getFingerprintScoreBand()).matches("(HIGH|MEDIUM) .*");
        assertThat(refused.getOutcome()).isEqualTo(VerificationOutcome.NOT_CONFIRMED);
        assertThat(refused.getReasonCodes()).first().isEqualTo("FINGERPRINTS_CONTRADICT_CLAIMED_IDENTITY");
        assertThat(refused.getFingerprintScoreBand()).startsWith("NO_MATCH");
    }

    @Test
    void answersARepeatedRequestOnlyOnce() {
        SyntheticPerson known = REGISTRY.persons().get(3);
        String caseId = newCaseId();
        String ceId = UUID.randomUUID().toString();
        var request = request(caseId, person(known, List.of(passport(known.passport())), List.of(), List.of()));
        sender.send(caseId, ceId, request);
        sender.send(caseId, ceId, request);
        // a later request of the same case (same partition) shows when both copies have been handled
        String later = sender.send(caseId, UUID.randomUUID().toString(), request);

        String laterResultId = EventIds.deterministic(later, "verification-result");
        results.await(r -> laterResultId.equals(header(r, CloudEventHeaders.ID)), 1);

        assertThat(results.ofCase(caseId)).extracting(r -> header(r, CloudEventHeaders.ID))
                .containsExactly(EventIds.deterministic(ceId, "verification-result"), laterResultId);
    }

    @Test
    void sendsGarbageToTheDeadLetterTopicAndGoesOn() {
        SyntheticPerson known = REGISTRY.persons().get(5);
        String caseId = newCaseId();
        sender.sendRaw(new ProducerRecord<>(Topics.IDENTITY_VERIFICATION_REQUESTS, caseId, "not avro".getBytes(UTF_8)));
        sender.send(caseId, UUID.randomUUID().toString(),
                request(caseId, person(known, List.of(passport(known.passport())), List.of(), List.of())));

        ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> caseId.equals(r.key()), 1).get(0);

        assertThat(header(dead, DeadLetters.REASON_CODE)).isEqualTo("MISSING_HEADER");
        assertThat(header(dead, DeadLetters.REASON_MESSAGE)).contains("ce_id");
        assertThat(decode(awaitResult(caseId)).getOutcome()).isEqualTo(VerificationOutcome.CONFIRMED);
    }

    @Test
    void sendsUndecodablePayloadsWithHeadersToTheDeadLetterTopic() {
        String caseId = newCaseId();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.IDENTITY_VERIFICATION_REQUESTS, caseId,
                new byte[] {(byte) 0xC3, 0x01, 1, 2, 3});
        CloudEventHeaders.write(record.headers(), org.readmission.events.CloudEventAttributes.of(
                EventCatalog.v1().of(org.readmission.events.identity.IdentityVerificationRequested.class),
                UUID.randomUUID().toString(), "case-workflow", caseId, java.time.Instant.now()));
        sender.sendRaw(record);

        ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> caseId.equals(r.key()), 1).get(0);

        assertThat(header(dead, DeadLetters.REASON_CODE)).isIn("UNDECODABLE_PAYLOAD", "UNKNOWN_SCHEMA");
    }

    /** Reads every stored document as BSON bytes and the captured log: no plaintext number or template. */
    @Test
    void storesAndLogsNoPlaintextDocumentNumberOrFingerprintTemplate(CapturedOutput output) {
        SyntheticPerson known = REGISTRY.persons().get(7);
        List<byte[]> fingerprints = known.recapturedFingerprints(3);
        String caseId = newCaseId();
        sender.send(caseId, UUID.randomUUID().toString(), request(caseId,
                person(known, List.of(passport(known.passport())), List.of(), fingerprints)));
        assertThat(decode(awaitResult(caseId)).getOutcome()).isEqualTo(VerificationOutcome.CONFIRMED);

        List<String> numbers = new java.util.ArrayList<>();
        List<byte[]> templates = new java.util.ArrayList<>(fingerprints);
        for (SyntheticPerson person : REGISTRY.persons()) {
            numbers.add(person.passport().number());
            numbers.add(person.identityCard().number());
            person.fingerprints().forEach(f -> templates.add(f.template()));
        }
        REGISTRY.falseDocuments().forEach(f -> numbers.add(f.document().number()));

        int documents = 0;
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                documents++;
                byte[] bson = bson(document);
                for (String number : numbers) {
                    assertThat(contains(bson, number.getBytes(UTF_8))).as("%s holds a document number", collection).isFalse();
                }
                for (byte[] template : templates) {
                    assertThat(contains(bson, minutiae(template))).as("%s holds a template", collection).isFalse();
                }
            }
        }
        assertThat(documents).isGreaterThan(REGISTRY.persons().size() * 3);
        assertThat(mongo.getCollectionNames()).contains("registry_persons", "registry_documents", "registry_fingerprints",
                "false_documents", "verification_results", "access_log");
        String log = output.getAll();
        assertThat(log).contains(caseId);
        for (String number : numbers) {
            assertThat(log).doesNotContain(number);
        }
        for (byte[] template : templates) {
            assertThat(log).doesNotContain(Base64.getEncoder().encodeToString(minutiae(template)))
                    .doesNotContain(HexFormat.of().formatHex(minutiae(template)))
                    .doesNotContain(Arrays.toString(minutiae(template)));
        }
    }

    private ConsumerRecord<String, byte[]> awaitResult(String caseId) {
        return results.await(r -> caseId.equals(r.key()), 1).get(0);
    }

    private static IdentityVerificationCompleted decode(ConsumerRecord<String, byte[]> record) {
        try {
            return (IdentityVerificationCompleted) CODEC.decode(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.header(record.headers(), name);
    }

    private static byte[] bson(Document document) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        org.bson.codecs.configuration.CodecRegistry codecs = com.mongodb.MongoClientSettings.getDefaultCodecRegistry();
        codecs.get(Document.class).encode(new BsonBinaryWriter(buffer), document, EncoderContext.builder().build());
        return buffer.toByteArray();
    }

    /** The minutiae part of a template (after the 28-byte headers): what would give a template away. */
    private static byte[] minutiae(byte[] template) {
        return Arrays.copyOfRange(template, 28, Math.min(template.length, 28 + 48));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
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
}
