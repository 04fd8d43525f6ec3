package org.readmission.protection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import java.util.List;
import java.util.UUID;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-case keys over the MongoDB-wire store on TCP, as a service keeps them. */
class CaseKeysTest {

    enum Field implements SensitiveField {
        NEEDS, NOTES;

        @Override
        public String fieldName() {
            return name();
        }
    }

    static MongoServer server;
    static MongoClient client;

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    final KeysetHandle wrapping = Keysets.generate(PredefinedAeadParameters.AES256_GCM);
    MongoCollection<Document> collection;
    CaseKeyStore store;
    CaseKeys keys;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshCollection() {
        collection = client.getDatabase("protection_test").getCollection("case_keys_" + UUID.randomUUID());
        store = new MongoCaseKeyStore(collection);
        keys = new CaseKeys(store, wrapping, clock, Duration.ofMinutes(5), 100);
    }

    @Test
    void valuesSealedUnderACaseKeyOpenOnlyForThatCaseOwnerAndField() {
        byte[] sealed = keys.encryptText("RC-1", "Ganja-Dashkasan", Field.NEEDS);
        byte[] ofPerson = keys.encrypt("RC-1", "P-1", "HOUSING".getBytes(UTF_8), Field.NEEDS);

        assertThat(new String(sealed, UTF_8)).doesNotContain("Ganja");
        assertThat(keys.decryptText("RC-1", sealed, Field.NEEDS)).isEqualTo("Ganja-Dashkasan");
        assertThat(new CaseKeys(store, wrapping).decryptText("RC-1", sealed, Field.NEEDS))
                .as("another instance, without the cache, unwraps the stored key").isEqualTo("Ganja-Dashkasan");
        assertThat(new String(keys.decrypt("RC-1", "P-1", ofPerson, Field.NEEDS), UTF_8)).isEqualTo("HOUSING");
        assertThatThrownBy(() -> keys.decrypt("RC-1", sealed, Field.NOTES)).isInstanceOf(ProtectionException.class);
        assertThatThrownBy(() -> keys.decrypt("RC-1", "P-2", ofPerson, Field.NEEDS)).isInstanceOf(ProtectionException.class);
        keys.encryptText("RC-2", "x", Field.NEEDS);
        assertThatThrownBy(() -> keys.decrypt("RC-2", sealed, Field.NEEDS))
                .as("a value copied to another case").isInstanceOf(ProtectionException.class)
                .hasMessageNotContaining("Ganja");
        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void afterShreddingNothingOfTheCaseCanBeReadOrSealedAndOtherCasesAreUnaffected() {
        byte[] sealed = keys.encryptText("RC-1", "Trafficking victim, lives in Ganja", Field.NOTES);
        byte[] other = keys.encryptText("RC-2", "Lankaran-Astara", Field.NEEDS);

        clock.advance(Duration.ofDays(1));
        Instant shreddedAt = keys.shred("RC-1");

        assertThat(shreddedAt).isEqualTo(clock.instant());
        assertThatThrownBy(() -> keys.decryptText("RC-1", sealed, Field.NOTES))
                .isInstanceOf(CaseKeyShreddedException.class)
                .hasMessageContaining("RC-1").hasMessageNotContaining("Trafficking").hasMessageNotContaining("Ganja")
                .satisfies(e -> assertThat(((CaseKeyShreddedException) e).shreddedAt()).isEqualTo(shreddedAt));
        assertThatThrownBy(() -> new CaseKeys(store, wrapping).decryptText("RC-1", sealed, Field.NOTES))
                .isInstanceOf(CaseKeyShreddedException.class);
        assertThatThrownBy(() -> keys.encryptText("RC-1", "new data", Field.NOTES))
                .as("no new key is made for a shredded case").isInstanceOf(CaseKeyShreddedException.class);
        assertThat(keys.decryptText("RC-2", other, Field.NEEDS)).isEqualTo("Lankaran-Astara");

        clock.advance(Duration.ofDays(1));
        assertThat(keys.shred("RC-1")).as("shredding again keeps the first time").isEqualTo(shreddedAt);
        assertThat(keys.shreddedAt("RC-1")).contains(shreddedAt);
        assertThat(keys.shreddedAt("RC-2")).isEmpty();
        assertThat(keys.shred("RC-NEVER-SEALED")).isEqualTo(clock.instant());
        assertThatThrownBy(() -> keys.encryptText("RC-NEVER-SEALED", "late data", Field.NOTES))
                .isInstanceOf(CaseKeyShreddedException.class);
    }

    @Test
    void anotherInstancesCachedKeyExpiresAfterTheCacheTtl() {
        byte[] sealed = keys.encryptText("RC-1", "value", Field.NEEDS);
        CaseKeys otherInstance = new CaseKeys(store, wrapping, clock, Duration.ofMinutes(5), 100);
        assertThat(otherInstance.decryptText("RC-1", sealed, Field.NEEDS)).isEqualTo("value");

        keys.shred("RC-1");

        assertThat(otherInstance.decryptText("RC-1", sealed, Field.NEEDS)).as("still cached there").isEqualTo("value");
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> otherInstance.decryptText("RC-1", sealed, Field.NEEDS))
                .isInstanceOf(CaseKeyShreddedException.class);
    }

    @Test
    void wrappedCaseKeysStayReadableAfterTheWrappingKeysetIsRotated() {
        byte[] before = keys.encryptText("RC-1", "sealed before the rotation", Field.NOTES);

        KeysetHandle rotated = Keysets.rotate(wrapping, PredefinedAeadParameters.AES256_GCM);
        CaseKeys afterRotation = new CaseKeys(store, rotated, clock, Duration.ofMinutes(5), 100);
        byte[] after = afterRotation.encryptText("RC-2", "sealed after the rotation", Field.NOTES);

        assertThat(afterRotation.decryptText("RC-1", before, Field.NOTES)).isEqualTo("sealed before the rotation");
        assertThat(afterRotation.decryptText("RC-2", after, Field.NOTES)).isEqualTo("sealed after the rotation");
        assertThatThrownBy(() -> new CaseKeys(store, wrapping).decryptText("RC-2", after, Field.NOTES))
                .as("RC-2's key is wrapped under the new primary, unknown to the old keyset")
                .isInstanceOf(ProtectionException.class).isNotInstanceOf(CaseKeyShreddedException.class);
    }

    @Test
    void afterRewrappingTheOldMasterKeyCanBeRemovedAndEverythingStillReads() throws Exception {
        byte[] first = keys.encryptText("RC-1", "sealed under the old master key", Field.NOTES);
        byte[] second = keys.encryptText("RC-2", "also under the old one", Field.NOTES);
        keys.shred("RC-3");

        KeysetHandle rotated = Keysets.rotate(wrapping, PredefinedAeadParameters.AES256_GCM);
        CaseKeys afterRotation = new CaseKeys(store, rotated, clock, Duration.ofMinutes(5), 100);
        assertThat(afterRotation.rewrapAll()).isEqualTo(2);

        KeysetHandle newKeyOnly = withoutOldKeys(rotated);
        CaseKeys withNewKeyOnly = new CaseKeys(store, newKeyOnly, clock, Duration.ofMinutes(5), 100);
        assertThat(withNewKeyOnly.decryptText("RC-1", first, Field.NOTES)).isEqualTo("sealed under the old master key");
        assertThat(withNewKeyOnly.decryptText("RC-2", second, Field.NOTES)).isEqualTo("also under the old one");
        assertThatThrownBy(() -> new CaseKeys(store, wrapping).decryptText("RC-1", first, Field.NOTES))
                .as("the old master key alone no longer unwraps RC-1's key").isInstanceOf(ProtectionException.class);
        assertThat(store.find("RC-3").orElseThrow().shredded()).as("a shredded case stays shredded").isTrue();
        assertThat(withNewKeyOnly.rewrapAll()).as("idempotent: wraps again under the same primary").isEqualTo(2);
        assertThat(withNewKeyOnly.decryptText("RC-2", second, Field.NOTES)).isEqualTo("also under the old one");
    }

    /** The keyset with its primary key only: what is left once the old master keys are destroyed. */
    private static KeysetHandle withoutOldKeys(KeysetHandle keyset) {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        try {
            return builder.build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void preparingABatchLoadsAndMakesItsKeysInTwoRoundTripsAndSealingThenNeedsNone() {
        byte[] existing = keys.encryptText("RC-OLD", "keyed before", Field.NOTES);
        keys.shred("RC-GONE");
        CountingStore counting = new CountingStore(store);
        CaseKeys batch = new CaseKeys(counting, wrapping, clock, Duration.ofMinutes(5), 100);

        batch.prepare(List.of("RC-OLD", "RC-GONE", "RC-UNKNOWN"), List.of("RC-NEW-1", "RC-NEW-2"));
        assertThat(counting.calls).as("one look-up, one write").isEqualTo(2);

        byte[] first = batch.encryptText("RC-NEW-1", "a new case", Field.NOTES);
        byte[] second = batch.encryptText("RC-NEW-2", "another", Field.NOTES);
        assertThat(batch.decryptText("RC-OLD", existing, Field.NOTES)).isEqualTo("keyed before");
        assertThat(batch.shreddedAt("RC-NEW-1")).isEmpty();
        assertThat(counting.calls).as("everything from the cache").isEqualTo(2);

        assertThat(keys.decryptText("RC-NEW-1", first, Field.NOTES)).as("stored: another instance opens it").isEqualTo("a new case");
        assertThat(keys.decryptText("RC-NEW-2", second, Field.NOTES)).isEqualTo("another");
        assertThat(store.find("RC-UNKNOWN")).as("no key for a case only looked up").isEmpty();
        assertThatThrownBy(() -> batch.encryptText("RC-GONE", "late", Field.NOTES)).isInstanceOf(CaseKeyShreddedException.class);
        batch.prepare(List.of(), List.of("RC-GONE"));
        assertThat(store.find("RC-GONE").orElseThrow().shredded()).as("a shredded case gets no key").isTrue();
    }

    /** Counts the calls that reach the store (each one a round trip to MongoDB). */
    static final class CountingStore implements CaseKeyStore {
        // WrappedCaseKey: CaseKeyStore.WrappedCaseKey, inherited as a member type of the interface
        private final CaseKeyStore delegate;
        int calls;

        CountingStore(CaseKeyStore delegate) {
            this.delegate = delegate;
        }

        @Override public java.util.Optional<WrappedCaseKey> find(String caseId) { calls++; return delegate.find(caseId); }
        @Override public boolean create(WrappedCaseKey key) { calls++; return delegate.create(key); }
        @Override public Instant markShredded(String caseId, Instant at) { calls++; return delegate.markShredded(caseId, at); }
        @Override public java.util.Map<String, WrappedCaseKey> findAll(java.util.Collection<String> ids) { calls++; return delegate.findAll(ids); }
        @Override public java.util.Set<String> createAll(List<WrappedCaseKey> keys) { calls++; return delegate.createAll(keys); }
        @Override public List<String> caseIdsWithKeys() { calls++; return delegate.caseIdsWithKeys(); }
        @Override public boolean replaceWrapped(String id, byte[] expected, byte[] replacement) { calls++; return delegate.replaceWrapped(id, expected, replacement); }
    }

    @Test
    void theStoredDocumentHoldsTheKeyOnlyWrappedAndNothingAfterShredding() throws Exception {
        keys.encryptText("RC-1", "value", Field.NEEDS);

        byte[] raw = rawDocument("RC-1");
        byte[] wrapped = store.find("RC-1").orElseThrow().wrappedKeyset();
        KeysetHandle caseKeyset = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped,
                wrapping.getPrimitive(RegistryConfiguration.get(), Aead.class), CaseKeys.wrappingAssociatedData("RC-1"));
        byte[] rawKey = ((AesGcmKey) caseKeyset.getPrimary().getKey()).getKeyBytes().toByteArray(InsecureSecretKeyAccess.get());
        byte[] cleartextKeyset = TinkProtoKeysetFormat.serializeKeyset(caseKeyset, InsecureSecretKeyAccess.get());

        assertThat(rawKey).hasSize(32);
        assertThat(indexOf(raw, rawKey)).as("the raw AES key in the stored BSON").isEqualTo(-1);
        assertThat(indexOf(raw, cleartextKeyset)).as("the cleartext keyset in the stored BSON").isEqualTo(-1);
        assertThat(indexOf(raw, wrapped)).as("the wrapped keyset is what is stored").isGreaterThan(0);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped,
                wrapping.getPrimitive(RegistryConfiguration.get(), Aead.class), CaseKeys.wrappingAssociatedData("RC-2")))
                .as("the wrapped key of one case does not unwrap as another's").isInstanceOf(Exception.class);

        keys.shred("RC-1");

        Document shredded = collection.find(Filters.eq("_id", "RC-1")).first();
        assertThat(shredded.keySet()).containsExactlyInAnyOrder("_id", "shreddedAt");
        assertThat(indexOf(rawDocument("RC-1"), wrapped)).isEqualTo(-1);
    }

    @Test
    void aSecondKeyForTheSameCaseIsRefusedByTheStore() {
        Instant now = clock.instant();
        assertThat(store.create(new CaseKeyStore.WrappedCaseKey("RC-1", new byte[] {1}, now, null))).isTrue();
        assertThat(store.create(new CaseKeyStore.WrappedCaseKey("RC-1", new byte[] {2}, now, null))).isFalse();
        assertThat(store.find("RC-1").orElseThrow().wrappedKeyset()).containsExactly(1);
    }

    private byte[] rawDocument(String caseId) {
        RawBsonDocument document = collection.withDocumentClass(RawBsonDocument.class).find(Filters.eq("_id", caseId)).first();
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
