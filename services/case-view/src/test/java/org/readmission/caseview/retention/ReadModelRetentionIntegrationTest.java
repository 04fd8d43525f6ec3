package org.readmission.caseview.retention;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseIndex;
import org.readmission.caseview.cases.CaseIndexEntry;
import org.readmission.caseview.cases.CaseState;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.cases.PartyScope;
import org.readmission.caseview.cases.SearchKeys;
import org.readmission.caseview.cases.SensitiveCaseFields;
import org.readmission.caseview.replay.Replay;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ProtectionConcern;
import org.readmission.events.partner.ProtectionHoldPlaced;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.ReplyDeadlineExtended;
import org.readmission.events.partner.TravelDocumentIssued;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.EventPublisher;
import org.readmission.protection.BlindIndex;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.retention.Retention;
import org.readmission.retention.RetentionJob;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.MovableClock;
import org.readmission.testing.TopicReader;
import org.readmission.testsignin.Officers;
import org.readmission.testsignin.TestAuthorizationServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A case past its retention period has no readable personal data left in the read model, and both parties are told
 * once (scope READ_MODEL): the whole service over a real embedded KRaft broker and the Mongo-wire store over TCP, with a
 * clock the test moves. Before the period the case page shows the names and the document-number search finds the
 * case; after the retention job the raw BSON of every collection holds none of the case's personal values, an old
 * ciphertext no longer opens, the searches find nothing, the page shows a tombstone, another case is untouched, a late
 * event and a replay of the topics do not bring anything back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "server.address=127.0.0.1"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = {"readmission.partner-notifications.de-bpol",
        "readmission.partner-notifications.az-sms"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(ReadModelRetentionIntegrationTest.ControlledClock.class)
class ReadModelRetentionIntegrationTest {

    static final String DATABASE = "case_view_retention_it";
    static final AvroCodec CODEC = new AvroCodec(EventCatalog.v1());
    static final Instant CLOSED_AT = Instant.parse("2026-06-01T10:00:00Z");
    static final Instant RETAIN_UNTIL = CLOSED_AT.atZone(ZoneOffset.UTC).plusMonths(60).toInstant(); // TRANSFERRED
    static final MovableClock CLOCK = new MovableClock(CLOSED_AT);
    static final PartyScope AZ = new PartyScope("AZ-SMS");
    static final String BROKERS_PROPERTY = "spring.embedded.kafka.brokers";

    static final String A_P1_DOCUMENT = "C5544331";
    static final String A_P2_DOCUMENT = "AZ7712345";
    static final String A_TRAVEL_DOCUMENT = "TD4455667";
    static final String A_EXTENSION_MOTIVATION = "the registry asked about the passport of the main person";
    static final String A_DECISION_MOTIVATION = "nationality proven by a genuine passport seen by the consul";
    static final String A_EVIDENCE_NOTE = "passport handed over at Hamburg airport";
    static final String B_DOCUMENT = "C9911223";

    @TestConfiguration
    static class ControlledClock {
        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri(DATABASE));
        registry.add("readmission.case-view.sign-in.issuer", () -> TestAuthorizationServer.shared().issuer());
    }

    @Value("${spring.embedded.kafka.brokers}") String brokers;
    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @Autowired CaseIndex index;
    @Autowired CaseKeys caseKeys;
    @Autowired BlindIndex blindIndex;
    @Autowired MongoTemplate mongo;
    @Autowired Retention retention;
    @Autowired RetentionJob job;
    @Autowired Replay replay;
    @Autowired MockMvc mvc;

    /**
     * The embedded broker of this class's own context overwrites the system property {@value #BROKERS_PROPERTY} and
     * leaves it when it stops, while the cached context of the other integration tests resolves it again for each
     * test class: read when the instance is made (before its context is loaded), restored when the class is done.
     */
    final String brokersBefore = System.getProperty(BROKERS_PROPERTY);

    TopicReader requestingParty;
    TopicReader requestedParty;
    TopicReader caseEventsDlt;

    @BeforeAll
    void readers() {
        requestingParty = new TopicReader(brokers, Topics.partnerNotifications("DE-BPOL"));
        requestedParty = new TopicReader(brokers, Topics.partnerNotifications("AZ-SMS"));
        caseEventsDlt = new TopicReader(brokers, Topics.dlt(Topics.CASE_EVENTS));
    }

    @AfterAll
    void close() {
        Stream.of(requestingParty, requestedParty, caseEventsDlt).forEach(TopicReader::close);
        if (brokersBefore == null) {
            System.clearProperty(BROKERS_PROPERTY);
        } else {
            System.setProperty(BROKERS_PROPERTY, brokersBefore);
        }
    }

    @BeforeEach
    void clockAtClosure() {
        CLOCK.set(CLOSED_AT);
    }

    @Test
    void aCaseBeyondItsRetentionPeriodHasNoReadablePersonalDataLeftAndThePartiesAreToldOnce() throws Exception {
        var a = CaseEventFixtures.Case.of("RC-RT-A", "DE-BPOL", "AZ-SMS");
        var b = CaseEventFixtures.Case.of("RC-RT-B", "DE-BPOL", "AZ-SMS");
        List<Person> personsOfA = personsOfA();
        projectCaseA(a, personsOfA);
        publish(publisher, b, b.forwarded(CLOSED_AT.minus(Duration.ofDays(20)), ProcedureType.NORMAL,
                List.of(person("P1", "Anar", "Əliyev", "Анар Алиев", B_DOCUMENT))));
        // B is closed 400 days after A: its period is not over when A's is
        publish(publisher, b, b.closed(CLOSED_AT.plus(Duration.ofDays(400)), CaseOutcome.TRANSFERRED));
        await().atMost(Duration.ofSeconds(30)).until(() -> retention.of(a.caseId()).isPresent()
                && retention.of(b.caseId()).isPresent() && store.load(a.caseId()).map(CaseFile::closed).orElse(false)
                && store.load(b.caseId()).map(CaseFile::closed).orElse(false));
        assertThat(retention.of(a.caseId()).orElseThrow().retainUntil()).isEqualTo(RETAIN_UNTIL);
        List<String> personalOfA = personalValuesOfA();
        assertThat(readableIn(personalOfA)).as("before the erasure only the phonetic name keys are in clear")
                .allMatch(found -> found.startsWith("case_index: "));
        byte[] oldCiphertext = ((Binary) rawCaseFile(a.caseId()).getList("persons", Document.class).get(0)
                .getList("documents", Document.class).get(0).get("number")).getData();

        // a day before the period ends: nothing is erased, the page shows the names and the search finds the case
        CLOCK.set(RETAIN_UNTIL.minus(Duration.ofDays(1)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        assertThat(page(a.caseId())).contains("Rəşad Elşən oğlu Məmmədov", "Рашад Мамедов", A_P1_DOCUMENT, A_DECISION_MOTIVATION);
        assertThat(index.search(AZ, null, null, A_P1_DOCUMENT.toLowerCase(), 10)).extracting(CaseIndexEntry::caseId)
                .containsExactly(a.caseId());
        assertThat(index.search(AZ, null, "Mamedov", null, 10)).extracting(CaseIndexEntry::caseId).containsExactly(a.caseId());

        // the period is over
        CLOCK.set(RETAIN_UNTIL.plus(Duration.ofDays(1)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(1, 0, 0));

        // nothing of A's personal data is left in any collection of the database
        assertThat(readableIn(personalOfA)).as("raw documents after the erasure").isEmpty();
        assertThatThrownBy(() -> caseKeys.decrypt(a.caseId(), "P1", oldCiphertext, SensitiveCaseFields.DOCUMENT_NUMBER))
                .isInstanceOf(CaseKeyShreddedException.class).hasMessageNotContaining(A_P1_DOCUMENT);
        assertThat(Document.parse(raw("case_keys", a.caseId()).toJson()).keySet()).containsExactlyInAnyOrder("_id", "shreddedAt");
        // a tombstone: ids, parties, state, dates and codes; it still counts, without personal data
        Document tombstone = rawCaseFile(a.caseId());
        assertThat(tombstone).containsEntry("state", "CLOSED").containsEntry("requestingParty", "DE-BPOL")
                .containsEntry("outcome", "TRANSFERRED").containsKeys("erasedAt", "receivedAt", "closedAt", "deadlines");
        assertThat(tombstone.getList("persons", Document.class)).extracting(p -> p.get("personId")).containsExactly("P1", "P2");
        assertThat(tombstone.getList("persons", Document.class)).allSatisfy(p -> assertThat(p.keySet())
                .doesNotContain("givenNames", "surname", "patronymic", "nativeScript", "dateOfBirth", "protectionClaimRaised"));
        assertThat(allFieldValues(tombstone)).as("no sealed value left").noneMatch(Binary.class::isInstance);
        Document row = raw("case_index", a.caseId());
        assertThat(row).containsKey("erasedAt").doesNotContainKey("mainPersonName").containsEntry("state", "CLOSED");
        assertThat(row.getList("nameKeys", String.class)).isEmpty();
        assertThat(row.getList("documentIndex", String.class)).isEmpty();
        assertThat(mongo.getCollection(CaseIndex.TASKS).countDocuments(Filters.eq("_id", a.caseId()))).isZero();

        // the searches no longer find it by name or document number; by its id it is shown as erased
        assertThat(index.search(AZ, null, null, A_P1_DOCUMENT, 10)).isEmpty();
        assertThat(index.search(AZ, null, null, A_TRAVEL_DOCUMENT, 10)).isEmpty();
        assertThat(index.search(AZ, null, "Mamedov", null, 10)).isEmpty();
        assertThat(index.search(AZ, null, "Leyla", null, 10)).isEmpty();
        assertThat(index.search(AZ, a.caseId(), null, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.erasedAt()).isNotNull());
        assertThat(searchPage("document", A_P1_DOCUMENT)).doesNotContain(a.caseId() + "</a>");
        assertThat(searchPage("name", "Məmmədov")).doesNotContain(a.caseId() + "</a>");
        // the page shows the case as erased (ids, parties, dates), not a failure
        String erasedPage = page(a.caseId());
        assertThat(erasedPage).contains("Personal data erased", a.caseId(), "DE-BPOL", "P1", "P2");
        assertThat(readableIn(erasedPage, personalOfA)).isEmpty();

        // the other case is untouched
        assertThat(retention.erased(b.caseId())).isFalse();
        assertThat(page(b.caseId())).contains("Anar Əliyev", B_DOCUMENT).doesNotContain("Personal data erased");
        assertThat(index.search(AZ, null, null, B_DOCUMENT, 10)).extracting(CaseIndexEntry::caseId).containsExactly(b.caseId());
        assertThat(Document.parse(raw("case_keys", b.caseId()).toJson())).containsKey("wrappedKeyset");

        // both parties are told once, scope READ_MODEL, ids only
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            ConsumerRecord<String, byte[]> record = party.await(r -> a.caseId().equals(r.key()) && isErasureNotice(r), 1).get(0);
            PersonalDataErased notice = (PersonalDataErased) CODEC.decode(record.value());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(EventIds.deterministic(a.caseId(), "erased:READ_MODEL"));
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("case-view");
            assertThat(notice.getScope()).containsExactly(ErasureScope.READ_MODEL);
            assertThat(notice.getReason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
            assertThat(notice.getPersonIds()).containsExactly("P1", "P2");
            assertThat(notice.getRetentionEndedAt()).isEqualTo(RETAIN_UNTIL);
            assertThat(readableIn(notice.toString(), personalOfA)).isEmpty();
        }

        // a second run erases and sends nothing
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String party : List.of("DE-BPOL", "AZ-SMS")) {
                ProducerRecord<String, byte[]> marker = new ProducerRecord<>(Topics.partnerNotifications(party), a.caseId(), new byte[0]);
                marker.headers().add(CloudEventHeaders.ID, "marker".getBytes(UTF_8));
                producer.send(marker).get();
            }
        }
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            party.await(r -> a.caseId().equals(r.key()) && "marker".equals(header(r, CloudEventHeaders.ID)), 1);
            assertThat(party.ofCase(a.caseId()).stream().filter(ReadModelRetentionIntegrationTest::isErasureNotice)).hasSize(1);
            assertThat(party.ofCase(b.caseId()).stream().filter(ReadModelRetentionIntegrationTest::isErasureNotice)).isEmpty();
        }

        // late events of the erased case (the application sent again, a travel document) bring nothing back
        String lateApplication = publish(publisher, a, a.forwarded(CLOSED_AT.plus(Duration.ofDays(2)), ProcedureType.NORMAL,
                personsOfA)).ceId();
        String lateDocument = publish(publisher, a, TravelDocumentIssued.newBuilder(a.travelDocument(CLOSED_AT.plus(Duration.ofDays(3)), "P1"))
                .setDocumentNumber(A_TRAVEL_DOCUMENT).build()).ceId();
        await().atMost(Duration.ofSeconds(30)).until(() -> store.load(a.caseId())
                .map(f -> f.hasApplied(lateApplication) && f.hasApplied(lateDocument)).orElse(false));
        assertThat(readableIn(personalOfA)).as("raw documents after late events").isEmpty();
        assertThat(store.load(a.caseId()).orElseThrow()).satisfies(f -> {
            assertThat(f.erased()).isTrue();
            assertThat(f.state()).isEqualTo(CaseState.CLOSED);
            assertThat(f.persons()).allSatisfy(p -> assertThat(p.fullName()).isNull());
        });
        assertThat(index.search(AZ, null, null, A_P1_DOCUMENT, 10)).isEmpty();
        assertThat(page(b.caseId())).as("the projection keeps working for other cases").contains("Anar Əliyev");

        // a replay of the topics (the read model dropped and rebuilt) leaves the case erased
        Replay.Result replayed = replay.run(new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
        assertThat(replayed.applied()).isPositive();
        assertThat(readableIn(personalOfA)).as("raw documents after a replay").isEmpty();
        assertThat(store.load(a.caseId()).orElseThrow()).satisfies(f -> {
            assertThat(f.erased()).isTrue();
            assertThat(f.state()).isEqualTo(CaseState.CLOSED);
            assertThat(f.decision()).isNotNull();
        });
        assertThat(raw("case_index", a.caseId()).getList("documentIndex", String.class)).isEmpty();
        assertThat(index.search(AZ, null, "Mamedov", A_P1_DOCUMENT, 10)).isEmpty();
        assertThat(page(a.caseId())).contains("Personal data erased");
        assertThat(page(b.caseId())).contains("Anar Əliyev", B_DOCUMENT);
    }

    /** A case whose key is shredded but whose read model was not turned into a tombstone yet (erasure under way). */
    @Test
    void aCaseWhoseKeyIsShreddedShowsAsErasedAndRefusesNewPersonalData() throws Exception {
        var c = CaseEventFixtures.Case.of("RC-RT-C", "DE-BPOL", "AZ-SMS");
        publish(publisher, c, c.forwarded(CLOSED_AT, ProcedureType.NORMAL, List.of(person("P1", "Elçin", "Quliyev", null, "C3300112"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.load(c.caseId()).isPresent());
        caseKeys.shred(c.caseId());

        assertThat(page(c.caseId())).contains("Personal data erased").doesNotContain("Quliyev", "C3300112");

        // a case the read model never held, whose key is shredded: its events are dead-lettered, nothing is stored
        var d = CaseEventFixtures.Case.of("RC-RT-D", "DE-BPOL", "AZ-SMS");
        caseKeys.shred(d.caseId());
        publish(publisher, d, d.forwarded(CLOSED_AT, ProcedureType.NORMAL, List.of(person("P1", "Vüqar", "Həsənov", null, "C3300113"))));
        ConsumerRecord<String, byte[]> refused = caseEventsDlt.await(r -> d.caseId().equals(r.key()), 1).get(0);
        assertThat(header(refused, DeadLetters.REASON_CODE)).isEqualTo(Retention.CASE_ERASED);
        assertThat(header(refused, DeadLetters.REASON_MESSAGE)).isEqualTo(Retention.erasedMessage(d.caseId()));
        assertThat(store.load(d.caseId())).isEmpty();
    }

    // --- input

    private List<Person> personsOfA() {
        Person main = person("P1", "Rəşad", "Məmmədov", "Рашад Мамедов", A_P1_DOCUMENT);
        main = Person.newBuilder(main).setDateOfBirth(LocalDate.of(1985, 7, 23))
                .setName(PersonName.newBuilder(main.getName()).setPatronymic("Elşən oğlu").build())
                .setEvidence(List.of(EvidenceItem.newBuilder(main.getEvidence().get(0)).setDescription(A_EVIDENCE_NOTE).build()))
                .build();
        Person family = Person.newBuilder(person("P2", "Leyla", "Məmmədova", "Лейла Мамедова", A_P2_DOCUMENT))
                .setDateOfBirth(LocalDate.of(1992, 11, 2)).setProtectionClaimRaised(true).build();
        return List.of(main, family);
    }

    /** Application, extension with motivation, verifications, decision with motivation, travel document, hold, closure. */
    private void projectCaseA(CaseEventFixtures.Case a, List<Person> persons) {
        Instant t0 = CLOSED_AT.minus(Duration.ofDays(90));
        publish(publisher, a, a.forwarded(t0, ProcedureType.NORMAL, persons));
        publish(publisher, a, a.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        publish(publisher, a, ReplyDeadlineExtended.newBuilder(a.extended(t0.plus(Duration.ofDays(5)), t0.plus(Duration.ofDays(45))))
                .setMotivation(A_EXTENSION_MOTIVATION).build());
        publish(publisher, a, a.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, a, a.verified(t0.plusSeconds(90), "P2"));
        publish(publisher, a, ReadmissionDecided.newBuilder(a.decided(t0.plus(Duration.ofDays(6)), ReadmissionDecisionType.APPROVED, "P1", "P2"))
                .setMotivation(A_DECISION_MOTIVATION).build());
        publish(publisher, a, TravelDocumentIssued.newBuilder(a.travelDocument(t0.plus(Duration.ofDays(7)), "P1"))
                .setDocumentNumber(A_TRAVEL_DOCUMENT).build());
        publish(publisher, a, ProtectionHoldPlaced.newBuilder(a.holdPlaced(t0.plus(Duration.ofDays(8))))
                .setPersonId("P2").setConcern(ProtectionConcern.ASYLUM_CLAIM).build());
        publish(publisher, a, a.closed(CLOSED_AT, CaseOutcome.TRANSFERRED));
    }

    /**
     * Every personal value of case A: names (each word, the native script, the phonetic search keys), dates of birth,
     * document numbers and their blind-index entries, the protection ground, motivations, the evidence note, the
     * verification reasons.
     */
    private List<String> personalValuesOfA() {
        List<String> values = new ArrayList<>(List.of("Rəşad", "Məmmədov", "Elşən oğlu", "Рашад", "Мамедов", "Leyla",
                "Məmmədova", "Лейла", "Мамедова", "Rəşad Elşən oğlu Məmmədov", "1985-07-23", "1992-11-02",
                A_P1_DOCUMENT, A_P2_DOCUMENT, A_TRAVEL_DOCUMENT, "ASYLUM_CLAIM", A_EXTENSION_MOTIVATION,
                A_DECISION_MOTIVATION, A_EVIDENCE_NOTE, "PASSPORT_REGISTRY_MATCH"));
        SearchKeys.ofWords("Rəşad", "Məmmədov", "Elşən oğlu", "Рашад Мамедов", "Leyla", "Məmmədova", "Лейла Мамедова")
                .stream().filter(key -> key.length() >= 4).forEach(values::add);
        for (String number : List.of(A_P1_DOCUMENT, A_P2_DOCUMENT, A_TRAVEL_DOCUMENT)) {
            values.addAll(blindIndex.candidates(SearchKeys.DOCUMENT_NUMBER_INDEX, SearchKeys.documentNumber(number)));
        }
        return values.stream().distinct().toList();
    }

    // --- output

    /** "collection: value" for every value found in clear (UTF-8 bytes of the raw BSON, or its JSON) in any collection. */
    private List<String> readableIn(List<String> values) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (RawBsonDocument document : mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class).find()) {
                String bytes = new String(bytes(document), UTF_8);
                String json = document.toJson();
                values.stream().filter(v -> bytes.contains(v) || json.contains(v)).forEach(v -> found.add(collection + ": " + v));
            }
        }
        return found;
    }

    private static List<String> readableIn(String text, List<String> values) {
        return values.stream().filter(text::contains).toList();
    }

    private Document rawCaseFile(String caseId) {
        return raw("cases", caseId);
    }

    private Document raw(String collection, String id) {
        Document document = mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
        assertThat(document).as("%s/%s", collection, id).isNotNull();
        return document;
    }

    /** Every value in the document, nested documents and lists included. */
    private static List<Object> allFieldValues(Object value) {
        List<Object> all = new ArrayList<>();
        if (value instanceof Document document) {
            document.values().forEach(v -> all.addAll(allFieldValues(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> all.addAll(allFieldValues(v)));
        } else {
            all.add(value);
        }
        return all;
    }

    private String page(String caseId) throws Exception {
        return mvc.perform(get("/cases/" + caseId).with(Officers.signedIn("az-sms.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
    }

    private String searchPage(String field, String value) throws Exception {
        return mvc.perform(get("/search").param(field, value).with(Officers.signedIn("az-sms.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(java.util.Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean isErasureNotice(ConsumerRecord<String, byte[]> record) {
        return EventCatalog.v1().of(PersonalDataErased.class).ceType().equals(header(record, CloudEventHeaders.TYPE));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.header(record.headers(), name);
    }

    private static byte[] bytes(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
