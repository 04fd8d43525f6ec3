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
import org.readmission.protection.CaseKeys;
import org.readmission.protection.MongoCaseKeyStore;
import org.readmission.protection.Keysets;
import org.readmission.protection.ProtectionException;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Key rotation of the read model, with keyset files as the service keeps them (under target/) and the Mongo-wire store
 * over TCP. The personal fields are sealed under per-case keys ({@link CaseKeys}), stored wrapped by the master AEAD
 * keyset; the document numbers are searched through the blind-index keyset. The service started before the rotation
 * writes, both keysets are rotated ({@link Keysets#rotate}, saved), the service started after it still reads (the
 * case key wrapped under the old master key unwraps with the rotated keyset) and finds (blind index) what was written
 * before; a case keyed after the rotation has its key wrapped under the new master key, which the old master keyset
 * cannot unwrap, and its index entries under the new index key.
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
        // the old case's key is wrapped under the old master key: the keyset before the rotation alone unwraps it
        assertThat(ReadModelEncryption.decode(caseKeys(aeadBefore).decrypt(oldCase, "P1", documentNumber(oldCase),
                SensitiveCaseFields.DOCUMENT_NUMBER))).isEqualTo("C1000001");

        // written after it: the new case's key is wrapped under the new primary master key; the old keyset cannot unwrap it
        String newCase = "RC-K-" + UUID.randomUUID();
        after.store().save(caseFile(newCase, "C1000002"));
        byte[] sealed = documentNumber(newCase);
        assertThatThrownBy(() -> caseKeys(aeadBefore).decrypt(newCase, "P1", sealed, SensitiveCaseFields.DOCUMENT_NUMBER))
                .isInstanceOf(ProtectionException.class).hasMessageContaining(newCase).hasMessageNotContaining("C1000002");
        assertThat(ReadModelEncryption.decode(caseKeys(aeadAfter).decrypt(newCase, "P1", sealed, SensitiveCaseFields.DOCUMENT_NUMBER)))
                .isEqualTo("C1000002");
        // the value is sealed under the case's own key, not under a master key
        assertThat(keyIdOf(sealed)).isNotIn(aeadAfter.getAt(0).getId(), aeadAfter.getAt(1).getId());
        assertThat(after.files().find(newCase, SCOPE).orElseThrow().persons().get(0).documents().get(0).number()).isEqualTo("C1000002");
        assertThat(rawRow(newCase).getList("documentIndex", String.class))
                .containsExactly(new BlindIndex(indexAfter).of(SearchKeys.DOCUMENT_NUMBER_INDEX, "C1000002"))
                .allMatch(entry -> entry.startsWith(Integer.toHexString(indexAfter.getPrimary().getId()) + ":"));
        assertThat(after.index().search(SCOPE, null, null, "C1000002", 10)).extracting(CaseIndexEntry::caseId).containsExactly(newCase);
        assertThat(before.index().search(SCOPE, null, null, "C1000002", 10)).as("the old index keyset").isEmpty();

        // the next event of the old case: still read, its index entries under the new index key, still found
        // (its case key stays wrapped under the old master key: CaseKeys does not re-wrap case keys on rotation yet)
        CaseFile changed = after.store().load(oldCase).orElseThrow();
        changed.noted(new CaseFile.Applied("e-" + UUID.randomUUID(), "case.other", Instant.parse("2026-05-05T08:00:00Z"),
                "test", "timeline.other", List.of("x")));
        after.store().save(changed);
        assertThat(after.files().find(oldCase, SCOPE).orElseThrow().persons().get(0).documents().get(0).number()).isEqualTo("C1000001");
        assertThat(rawRow(oldCase).getList("documentIndex", String.class))
                .allMatch(entry -> entry.startsWith(Integer.toHexString(indexAfter.getPrimary().getId()) + ":"));
        assertThat(after.index().search(SCOPE, null, null, "C1000001", 10)).extracting(CaseIndexEntry::caseId).containsExactly(oldCase);
    }

    /** The service's case keys as a service with this master keyset has them (a cache of its own). */
    private CaseKeys caseKeys(KeysetHandle master) {
        return new CaseKeys(new MongoCaseKeyStore(client.getDatabase(DATABASE).getCollection(MongoCaseKeyStore.DEFAULT_COLLECTION)), master);
    }

    private Service service(KeysetHandle aead, KeysetHandle index) {
        MongoTemplate mongo = new MongoTemplate(client, DATABASE);
        ReadModelEncryption encryption = new ReadModelEncryption(caseKeys(aead));
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

    /** The key a Tink ciphertext names: its output prefix is 0x01 and the 4-byte key id (here: of the case's keyset). */
    private static int keyIdOf(byte[] ciphertext) {
        assertThat(ciphertext[0]).isEqualTo((byte) 1);
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
