package org.readmission.caseview.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.protection.BlindIndex;
import org.readmission.protection.FieldEncryption;
import org.readmission.protection.Keysets;
import org.readmission.protection.ProtectionException;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Key rotation of the read model, with keyset files as the service keeps them (under target/) and the Mongo-wire store
 * over TCP: the service started before the rotation writes, the keysets are rotated ({@link Keysets#rotate}, saved),
 * the service started after it still reads and finds (blind index) what was written before, and writes under the new
 * primary keys, which the old keysets cannot read.
 */
class KeyRotationIntegrationTest {

    static final String DATABASE = "case_view_rotation";
    static final PartyScope SCOPE = new PartyScope("AZ-SMS");

    final Path keys = Path.of("target", "test-data", "rotation-" + UUID.randomUUID(), "keys");
    final Path aeadFile = keys.resolve("field-encryption.json");
    final Path indexFile = keys.resolve("blind-index.json");
    MongoClient client;
    final List<GenericApplicationContext> contexts = new java.util.ArrayList<>();

    /** What the service builds from its keysets: the store with its encryption and blind index. */
    record Service(MongoTemplate mongo, CaseStore store, CaseFiles files, CaseIndex index) {
    }

    @BeforeEach
    void connect() {
        client = MongoClients.create(MongoWireTestServer.uri(DATABASE));
    }

    @AfterEach
    void disconnect() {
        contexts.forEach(GenericApplicationContext::close);
        client.close();
    }

    @Test
    void dataWrittenUnderTheOldKeysIsReadAndFoundAfterRotationAndNewDataUsesTheNewKeys() {
        KeysetHandle aeadBefore = Keysets.loadOrGenerate(aeadFile, PredefinedAeadParameters.AES256_GCM, true);
        KeysetHandle indexBefore = Keysets.loadOrGenerate(indexFile, PredefinedPrfParameters.HMAC_SHA256_PRF, true);
        Service before = service(aeadBefore, indexBefore);
        String oldCase = "RC-K-" + UUID.randomUUID();
        before.store().save(caseFile(oldCase, "C1000001"));

        Keysets.save(Keysets.rotate(Keysets.loadOrGenerate(aeadFile, PredefinedAeadParameters.AES256_GCM, false),
                PredefinedAeadParameters.AES256_GCM), aeadFile);
        Keysets.save(Keysets.rotate(Keysets.loadOrGenerate(indexFile, PredefinedPrfParameters.HMAC_SHA256_PRF, false),
                PredefinedPrfParameters.HMAC_SHA256_PRF), indexFile);
        KeysetHandle aeadAfter = Keysets.loadOrGenerate(aeadFile, PredefinedAeadParameters.AES256_GCM, false);
        KeysetHandle indexAfter = Keysets.loadOrGenerate(indexFile, PredefinedPrfParameters.HMAC_SHA256_PRF, false);
        assertThat(aeadAfter.size()).isEqualTo(2);
        assertThat(aeadAfter.getPrimary().getId()).isNotEqualTo(aeadBefore.getPrimary().getId());
        Service after = service(aeadAfter, indexAfter);

        // written before the rotation: read and found after it
        CaseFile old = after.files().find(oldCase, SCOPE).orElseThrow();
        assertThat(old.persons().get(0).documents().get(0).number()).isEqualTo("C1000001");
        assertThat(old.persons().get(0).fullName()).isEqualTo("Anar Əliyev");
        assertThat(after.index().search(SCOPE, null, null, "c1000001", 10)).extracting(CaseIndexEntry::caseId).containsExactly(oldCase);
        assertThat(keyIdOf(documentNumber(oldCase))).isEqualTo(aeadBefore.getPrimary().getId());

        // written after it: under the new primary keys; the old keysets cannot read it
        String newCase = "RC-K-" + UUID.randomUUID();
        after.store().save(caseFile(newCase, "C1000002"));
        byte[] sealed = documentNumber(newCase);
        assertThat(keyIdOf(sealed)).isEqualTo(aeadAfter.getPrimary().getId());
        assertThatThrownBy(() -> new FieldEncryption(aeadBefore).decrypt(sealed, newCase + "/P1", SensitiveCaseFields.DOCUMENT_NUMBER))
                .isInstanceOf(ProtectionException.class);
        assertThat(after.files().find(newCase, SCOPE).orElseThrow().persons().get(0).documents().get(0).number()).isEqualTo("C1000002");
        assertThat(rawRow(newCase).getList("documentIndex", String.class))
                .containsExactly(new BlindIndex(indexAfter).of(SearchKeys.DOCUMENT_NUMBER_INDEX, "C1000002"))
                .allMatch(entry -> entry.startsWith(Integer.toHexString(indexAfter.getPrimary().getId()) + ":"));
        assertThat(after.index().search(SCOPE, null, null, "C1000002", 10)).extracting(CaseIndexEntry::caseId).containsExactly(newCase);
        assertThat(before.index().search(SCOPE, null, null, "C1000002", 10)).as("the old index keyset").isEmpty();

        // the next event of the old case re-seals it under the new keys, and it is still found
        CaseFile changed = after.store().load(oldCase).orElseThrow();
        changed.noted(new CaseFile.Applied("e-" + UUID.randomUUID(), "case.other", Instant.parse("2026-05-05T08:00:00Z"),
                "test", "timeline.other", List.of("x")));
        after.store().save(changed);
        assertThat(keyIdOf(documentNumber(oldCase))).isEqualTo(aeadAfter.getPrimary().getId());
        assertThat(after.index().search(SCOPE, null, null, "C1000001", 10)).extracting(CaseIndexEntry::caseId).containsExactly(oldCase);
    }

    private Service service(KeysetHandle aead, KeysetHandle index) {
        MongoTemplate mongo = new MongoTemplate(client, DATABASE);
        ReadModelEncryption encryption = new ReadModelEncryption(new FieldEncryption(aead));
        // the listener in an application context of its own, which delivers the template's mapping events to it
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(ReadModelEncryption.class, () -> encryption);
        context.refresh();
        contexts.add(context);
        mongo.setApplicationContext(context);
        BlindIndex blindIndex = new BlindIndex(index);
        return new Service(mongo, new CaseStore(mongo, blindIndex), new CaseFiles(mongo), new CaseIndex(mongo, blindIndex));
    }

    private static CaseFile caseFile(String caseId, String documentNumber) {
        CaseFile file = CaseFile.of(new CaseFile.CaseRef(caseId, "APP-" + caseId, "DE-BPOL", "AZ-SMS"));
        Instant at = Instant.parse("2026-05-04T08:00:00Z");
        file.forwarded(new CaseFile.Applied("e-" + UUID.randomUUID(), "case.application-forwarded", at, "test",
                "timeline.forwarded", List.of("1")), "NORMAL", "OWN_NATIONAL", at, List.of(new CaseFile.Person("P1", "MAIN_PERSON",
                "Anar", "Əliyev", null, null, LocalDate.of(1988, 2, 3), "MALE", "AZE",
                List.of(new CaseFile.Document("NATIONAL_PASSPORT", documentNumber, "AZE", LocalDate.of(2030, 1, 1), false)),
                List.of(), false, false)));
        return file;
    }

    private byte[] documentNumber(String caseId) {
        Document file = client.getDatabase(DATABASE).getCollection("cases").find(new Document("_id", caseId)).first();
        Document document = file.getList("persons", Document.class).get(0).getList("documents", Document.class).get(0);
        return ((Binary) document.get("number")).getData();
    }

    private Document rawRow(String caseId) {
        return client.getDatabase(DATABASE).getCollection("case_index").find(new Document("_id", caseId)).first();
    }

    /** The key a Tink ciphertext names: its output prefix is 0x01 and the 4-byte key id. */
    private static int keyIdOf(byte[] ciphertext) {
        assertThat(ciphertext[0]).isEqualTo((byte) 1);
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
