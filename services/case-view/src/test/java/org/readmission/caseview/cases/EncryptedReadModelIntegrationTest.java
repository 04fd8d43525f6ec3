package org.readmission.caseview.cases;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ProtectionConcern;
import org.readmission.events.partner.ProtectionHoldPlaced;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.ReplyDeadlineExtended;
import org.readmission.events.partner.TravelDocumentIssued;
import org.readmission.messaging.EventPublisher;
import org.readmission.protection.BlindIndex;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.ProtectionException;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.readmission.testsignin.Officers;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The read model at rest: realistic events projected, then the raw MongoDB documents (read with a driver of their own,
 * not through the mapping) hold no document number, name, date of birth, protection ground or free-text motivation;
 * each sealed value opens only with its own case and field; the exact document-number search still finds the case
 * (blind index), and the case page shows the values to the parties' officers only. The values are sealed under the
 * case's own key ({@link CaseKeys}), bound to case, person and field.
 */
class EncryptedReadModelIntegrationTest extends CaseViewIntegrationTest {

    static final String P1_DOCUMENT = "C4455667";
    static final String P2_DOCUMENT = "AZ0981234";
    static final String TRAVEL_DOCUMENT = "TD9988771";
    static final String EXTENSION_MOTIVATION = "registry asked about the passport of the main person";
    static final String DECISION_MOTIVATION = "nationality proven: genuine passport, seen by the consul";
    static final String EVIDENCE_NOTE = "passport handed over at Frankfurt airport";
    /** Every plaintext that must not be found in a raw document. */
    static final List<String> SECRETS = List.of(P1_DOCUMENT, P2_DOCUMENT, TRAVEL_DOCUMENT, "Rəşad", "Məmmədov", "Məmmədova",
            "Рашад", "Мамедов", "Лейла", "Leyla", "Elşən oğlu", "1990-04-12", "ASYLUM_CLAIM", EXTENSION_MOTIVATION,
            DECISION_MOTIVATION, EVIDENCE_NOTE, "PASSPORT_REGISTRY_MATCH");

    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @Autowired CaseFiles files;
    @Autowired CaseIndex index;
    @Autowired CaseKeys caseKeys;
    @Autowired BlindIndex blindIndex;
    @Autowired MockMvc mvc;

    MongoClient client;
    MongoDatabase raw;

    @BeforeEach
    void rawStore() {
        client = MongoClients.create(MongoWireTestServer.uri("case_view_it"));
        raw = client.getDatabase("case_view_it");
    }

    @AfterEach
    void closeRawStore() {
        client.close();
    }

    @Test
    void rawDocumentsHoldNoPlaintextDocumentNumberNameOrProtectionDetail() throws Exception {
        String caseId = project("RC-E-1");

        Document file = rawDocument("cases", caseId);
        Document row = rawDocument("case_index", caseId);
        Document taskRow = rawDocument(CaseIndex.TASKS, caseId);
        for (Document document : List.of(file, row, taskRow)) {
            assertThat(document.toJson()).contains(caseId);
            for (String secret : SECRETS) {
                assertThat(document.toJson()).as("JSON of a raw document of %s", caseId).doesNotContain(secret);
                assertThat(contains(bson(document), secret.getBytes(UTF_8))).as("BSON of a raw document of %s", caseId).isFalse();
            }
        }
        // the sealed fields are binary ciphertexts; the rest of the case file is in clear
        Document p2 = persons(file).get(1);
        assertThat(p2.get("protectionClaimRaised")).isInstanceOf(Binary.class);
        assertThat(p2.get("dateOfBirth")).isInstanceOf(Binary.class);
        assertThat(p2.get("claimedNationality")).isEqualTo("AZE");
        assertThat(file.getList("openHolds", Document.class)).singleElement()
                .satisfies(h -> assertThat(h.get("concern")).isInstanceOf(Binary.class));
        assertThat(file.get("state")).isEqualTo("APPROVED");
        // the index keeps the phonetic name keys and only blind-index entries of the numbers
        assertThat(row.getList("documentIndex", String.class)).containsExactlyInAnyOrder(
                blindIndex.of(SearchKeys.DOCUMENT_NUMBER_INDEX, P1_DOCUMENT), blindIndex.of(SearchKeys.DOCUMENT_NUMBER_INDEX, P2_DOCUMENT));
        assertThat(row.getList("nameKeys", String.class)).contains(SearchKeys.of("Məmmədov"));
        assertThat(row.get("mainPersonName")).isInstanceOf(Binary.class);

        // through the mapping (what the pages get, within the party scope) every value reads again
        CaseFile read = files.find(caseId, new PartyScope("AZ-SMS")).orElseThrow();
        assertThat(read.persons().get(0).fullName()).isEqualTo("Rəşad Elşən oğlu Məmmədov");
        assertThat(read.persons().get(0).nativeScript()).isEqualTo("Рашад Мамедов");
        assertThat(read.persons().get(0).documents().get(0).number()).isEqualTo(P1_DOCUMENT);
        assertThat(read.persons().get(0).evidence().get(0).description()).isEqualTo(EVIDENCE_NOTE);
        assertThat(read.persons().get(1).protectionClaimRaised()).isTrue();
        assertThat(read.persons().get(1).dateOfBirth()).isEqualTo(java.time.LocalDate.of(1990, 4, 12));
        assertThat(read.travelDocuments().get(0).documentNumber()).isEqualTo(TRAVEL_DOCUMENT);
        assertThat(read.openHolds().get(0).concern()).isEqualTo("ASYLUM_CLAIM");
        assertThat(read.decision().motivation()).isEqualTo(DECISION_MOTIVATION);
        assertThat(read.replyDeadline().orElseThrow().explanation()).contains(EXTENSION_MOTIVATION);
        assertThat(read.verification("P1").orElseThrow().reasons()).containsExactly("PASSPORT_REGISTRY_MATCH");
        assertThat(read.timeline()).filteredOn(e -> e.textKey().equals("timeline.hold-placed")).singleElement()
                .satisfies(e -> assertThat(e.textArgs()).containsExactly("ASYLUM_CLAIM", "DE-BPOL"));

        String page = mvc.perform(get("/cases/" + caseId).with(Officers.signedIn("az-sms.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains("Rəşad Elşən oğlu Məmmədov", "Рашад Мамедов", P1_DOCUMENT, P2_DOCUMENT, DECISION_MOTIVATION,
                EXTENSION_MOTIVATION, "Protection hold placed (ASYLUM_CLAIM, by DE-BPOL)");
        mvc.perform(get("/cases/" + caseId).with(Officers.signedIn("nl-dtv.officer"))).andExpect(status().isNotFound());
    }

    @Test
    void aSealedValueOpensOnlyWithItsOwnCaseAndField() {
        String caseId = project("RC-E-2");
        Document file = rawDocument("cases", caseId);
        byte[] number = ((Binary) persons(file).get(0).getList("documents", Document.class).get(0).get("number")).getData();
        byte[] name = ((Binary) rawDocument("case_index", caseId).get("mainPersonName")).getData();

        // sealed under the case's own key; associated data = case + owner inside the case (person) + field
        assertThat(ReadModelEncryption.decode(caseKeys.decrypt(caseId, "P1", number, SensitiveCaseFields.DOCUMENT_NUMBER)))
                .isEqualTo(P1_DOCUMENT);
        assertThat(ReadModelEncryption.decode(caseKeys.decrypt(caseId, null, name, SensitiveCaseFields.MAIN_PERSON_NAME)))
                .isEqualTo("Rəşad Elşən oğlu Məmmədov");
        project("RC-E-5");
        assertThatThrownBy(() -> caseKeys.decrypt("RC-E-5", "P1", number, SensitiveCaseFields.DOCUMENT_NUMBER))
                .as("another case (another key)").isInstanceOf(ProtectionException.class).hasMessageNotContaining(P1_DOCUMENT);
        assertThatThrownBy(() -> caseKeys.decrypt(caseId, "P2", number, SensitiveCaseFields.DOCUMENT_NUMBER))
                .as("another person of the case").isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> caseKeys.decrypt(caseId, "P1", number, SensitiveCaseFields.TRAVEL_DOCUMENT_NUMBER))
                .as("another field").isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> caseKeys.decrypt(caseId, "P1", name, SensitiveCaseFields.MAIN_PERSON_NAME))
                .as("another owner inside the case").isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> caseKeys.decrypt("RC-E-5", null, name, SensitiveCaseFields.MAIN_PERSON_NAME))
                .as("another case's row").isInstanceOf(ProtectionException.class);

        // a ciphertext copied into another case's document does not open there: the case cannot be read
        String other = project("RC-E-3");
        raw.getCollection("cases").updateOne(Filters.eq("_id", other),
                Updates.set("persons.0.documents.0.number", new Binary(number)));
        assertThatThrownBy(() -> files.find(other, new PartyScope("AZ-SMS"))).isInstanceOf(ProtectionException.class)
                .hasMessageContaining(other).hasMessageContaining("documentNumber").hasMessageNotContaining(P1_DOCUMENT);
    }

    @Test
    void theExactDocumentNumberSearchFindsTheCaseThroughTheBlindIndex() throws Exception {
        String caseId = project("RC-E-4", "C7766554", "AZ0981299");

        assertThat(index.search(new PartyScope("AZ-SMS"), null, null, "az 098-1299", 10)).extracting(CaseIndexEntry::caseId)
                .containsExactly(caseId);
        assertThat(index.search(new PartyScope("AZ-SMS"), null, null, "C7766554", 10)).singleElement().satisfies(e -> {
            assertThat(e.caseId()).isEqualTo(caseId);
            assertThat(e.mainPersonName()).isEqualTo("Rəşad Elşən oğlu Məmmədov");
        });
        assertThat(index.search(new PartyScope("AZ-SMS"), null, null, "C7766555", 10)).isEmpty();
        assertThat(index.search(new PartyScope("AZ-SMS"), null, null, "C776655", 10)).as("exact, not a prefix").isEmpty();
        assertThat(index.search(new PartyScope("NL-DTV"), null, null, "C7766554", 10)).isEmpty();
        assertThat(index.search(new PartyScope("AZ-SMS"), null, "Mamedov", "C7766554", 10)).extracting(CaseIndexEntry::caseId)
                .containsExactly(caseId);
        assertThat(index.search(new PartyScope("AZ-SMS"), null, "Quliyev", "C7766554", 10)).isEmpty();

        String page = mvc.perform(get("/search").param("document", "c7766554").with(Officers.signedIn("az-sms.officer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains(caseId + "</a>").contains("Rəşad Elşən oğlu Məmmədov");
    }

    /** A case of DE-BPOL asking AZ-SMS, through approval, travel document and an asylum hold; returns its id. */
    private String project(String caseId) {
        return project(caseId, P1_DOCUMENT, P2_DOCUMENT);
    }

    private String project(String caseId, String p1Document, String p2Document) {
        var c = CaseEventFixtures.Case.of(caseId, "DE-BPOL", "AZ-SMS");
        Instant t0 = Instant.parse("2026-05-04T08:00:00Z");
        Person main = person("P1", "Rəşad", "Məmmədov", "Рашад Мамедов", p1Document);
        main = Person.newBuilder(main)
                .setName(PersonName.newBuilder(main.getName()).setPatronymic("Elşən oğlu").build())
                .setEvidence(List.of(EvidenceItem.newBuilder(main.getEvidence().get(0)).setDescription(EVIDENCE_NOTE).build()))
                .build();
        Person family = Person.newBuilder(person("P2", "Leyla", "Məmmədova", "Лейла Мамедова", p2Document))
                .setProtectionClaimRaised(true).build();
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(main, family)));
        publish(publisher, c, c.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        publish(publisher, c, ReplyDeadlineExtended.newBuilder(c.extended(t0.plus(Duration.ofDays(5)), t0.plus(Duration.ofDays(45))))
                .setMotivation(EXTENSION_MOTIVATION).build());
        publish(publisher, c, c.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, c, c.verified(t0.plusSeconds(90), "P2"));
        publish(publisher, c, ReadmissionDecided.newBuilder(c.decided(t0.plus(Duration.ofDays(6)), ReadmissionDecisionType.APPROVED, "P1", "P2"))
                .setMotivation(DECISION_MOTIVATION).build());
        publish(publisher, c, TravelDocumentIssued.newBuilder(c.travelDocument(t0.plus(Duration.ofDays(7)), "P1"))
                .setDocumentNumber(TRAVEL_DOCUMENT).build());
        publish(publisher, c, ProtectionHoldPlaced.newBuilder(c.holdPlaced(t0.plus(Duration.ofDays(8))))
                .setPersonId("P2").setConcern(ProtectionConcern.ASYLUM_CLAIM).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> store.load(caseId).filter(f -> f.onHold() && f.decision() != null
                && f.travelDocuments().size() == 1 && f.deadline("EXTENDED_REPLY").isPresent()
                && f.verifications().stream().filter(v -> v.outcome() != null).count() == 2).isPresent());
        return caseId;
    }

    private Document rawDocument(String collection, String caseId) {
        Document document = raw.getCollection(collection).find(Filters.eq("_id", caseId)).first();
        assertThat(document).as("%s/%s", collection, caseId).isNotNull();
        return document;
    }

    private static List<Document> persons(Document file) {
        return new ArrayList<>(file.getList("persons", Document.class));
    }

    private static byte[] bson(Document document) {
        RawBsonDocument encoded = new RawBsonDocument(document, new DocumentCodec());
        byte[] bytes = new byte[encoded.getByteBuffer().remaining()];
        encoded.getByteBuffer().get(bytes);
        return bytes;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
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
