package org.readmission.protection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.readmission.protection.CaseKeyStore.WrappedCaseKey;

/**
 * Envelope encryption with one data key per case, for crypto-shredding. The first value sealed for a case creates
 * its own AES-256-GCM keyset; the keyset is stored only wrapped (encrypted) by the service's wrapping keyset, with
 * the case id as associated data, in a {@link CaseKeyStore}. {@link #shred} deletes the wrapped key: every value ever
 * sealed under it, in any store, copy or backup, can no longer be read, and no new key is made for the case.
 *
 * <p>A value's associated data binds it to its case, owner (optional, e.g. a person's record) and field, so a
 * ciphertext copied to another case, record or field does not decrypt. Unwrapped keys are cached for at most
 * {@code cacheTtl} (bounded by {@code cacheSize}): another instance of the service that had the key cached still
 * reads for at most that long after a shred.
 */
public class CaseKeys {

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final CaseKeyStore store;
    private final Aead wrapping;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached> cache;

    public CaseKeys(CaseKeyStore store, KeysetHandle wrappingKeyset) {
        this(store, wrappingKeyset, Clock.systemUTC(), DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE);
    }

    public CaseKeys(CaseKeyStore store, KeysetHandle wrappingKeyset, Clock clock, Duration cacheTtl, int cacheSize) {
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        try {
            this.wrapping = wrappingKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the case-key wrapping keyset is not an AEAD keyset", e);
        }
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > cacheSize;
            }
        };
    }

    public byte[] encrypt(String caseId, byte[] plaintext, SensitiveField field) {
        return encrypt(caseId, null, plaintext, field);
    }

    public byte[] decrypt(String caseId, byte[] ciphertext, SensitiveField field) {
        return decrypt(caseId, null, ciphertext, field);
    }

    /** Seals a value of one owner inside the case (e.g. a person's record), creating the case's key on first use. */
    public byte[] encrypt(String caseId, String owner, byte[] plaintext, SensitiveField field) {
        Aead aead = keyOf(caseId, true);
        try {
            return aead.encrypt(plaintext, associatedData(caseId, owner, field));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not encrypt " + field.fieldName() + " of case " + caseId, e);
        }
    }

    /**
     * @throws CaseKeyShreddedException the case's key was shredded: the value is gone for good
     * @throws ProtectionException      no key for the case, or the value does not belong to this case, owner and field
     */
    public byte[] decrypt(String caseId, String owner, byte[] ciphertext, SensitiveField field) {
        Aead aead = keyOf(caseId, false);
        try {
            return aead.decrypt(ciphertext, associatedData(caseId, owner, field));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not decrypt " + field.fieldName() + " of case " + caseId
                    + " (wrong case, owner or field, or altered ciphertext)", e);
        }
    }

    public byte[] encryptText(String caseId, String plaintext, SensitiveField field) {
        return encrypt(caseId, plaintext.getBytes(UTF_8), field);
    }

    public String decryptText(String caseId, byte[] ciphertext, SensitiveField field) {
        return new String(decrypt(caseId, ciphertext, field), UTF_8);
    }

    /**
     * Deletes the case's key (and this instance's cached copy) and records when: from now on nothing sealed for the
     * case can be read and nothing new can be sealed. Idempotent: shredding again returns the first time. A case
     * that never had a key gets the tombstone too, so none is made for it later.
     */
    public Instant shred(String caseId) {
        Instant shreddedAt = store.markShredded(caseId, clock.instant());
        synchronized (cache) {
            cache.remove(caseId);
        }
        return shreddedAt;
    }

    /**
     * Wraps every case key again under the primary key of the wrapping (master) keyset, after a rotation
     * ({@link Keysets#rotate}): afterwards the old master keys wrap nothing any more and can be removed from the keyset.
     * A key shredded or re-wrapped meanwhile by another instance is left as it is. Idempotent; returns how many keys
     * it re-wrapped.
     */
    public int rewrapAll() {
        int rewrapped = 0;
        for (String caseId : store.caseIdsWithKeys()) {
            Optional<WrappedCaseKey> stored = store.find(caseId);
            if (stored.isEmpty() || stored.get().shredded()) {
                continue;
            }
            byte[] current = stored.get().wrappedKeyset();
            if (store.replaceWrapped(caseId, current, wrap(caseId, unwrap(caseId, current)))) {
                rewrapped++;
            }
        }
        return rewrapped;
    }

    /**
     * When the case's key was shredded; empty while it exists or was never made. A key this instance holds (cached,
     * within {@code cacheTtl}) answers without a look-up: the same staleness as reading with it.
     */
    public Optional<Instant> shreddedAt(String caseId) {
        if (cached(caseId, clock.instant()) != null) {
            return Optional.empty();
        }
        return store.find(caseId).filter(WrappedCaseKey::shredded).map(WrappedCaseKey::shreddedAt);
    }

    /**
     * Readies the keys a batch of work will use, in two round trips instead of one or two per case: the keys of
     * {@code cases} that exist are loaded, and of {@code newCases} (cases that may have no key yet) those without any
     * entry get one, all stored in one write. Nothing is made for a shredded case. Afterwards sealing and opening
     * for these cases find their key in this instance's cache; a case another instance keyed meanwhile keeps the
     * other key (the lazy path loads it).
     */
    public void prepare(Collection<String> cases, Collection<String> newCases) {
        Instant now = clock.instant();
        Set<String> wanted = new LinkedHashSet<>(cases);
        wanted.addAll(newCases);
        wanted.removeIf(caseId -> cached(caseId, now) != null);
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, WrappedCaseKey> found = store.findAll(wanted);
        found.values().stream().filter(key -> !key.shredded())
                .forEach(key -> cache(key.caseId(), primitive(key.caseId(), unwrap(key.caseId(), key.wrappedKeyset())), now));
        Map<String, KeysetHandle> fresh = new LinkedHashMap<>();
        for (String caseId : newCases) {
            if (wanted.contains(caseId) && !found.containsKey(caseId)) {
                fresh.put(caseId, Keysets.generate(PredefinedAeadParameters.AES256_GCM));
            }
        }
        Set<String> stored = store.createAll(fresh.entrySet().stream()
                .map(e -> new WrappedCaseKey(e.getKey(), wrap(e.getKey(), e.getValue()), now, null)).toList());
        stored.forEach(caseId -> cache(caseId, primitive(caseId, fresh.get(caseId)), now));
    }

    private Aead keyOf(String caseId, boolean createIfMissing) {
        Instant now = clock.instant();
        Aead cached = cached(caseId, now);
        if (cached != null) {
            return cached;
        }
        Aead aead = load(caseId, createIfMissing, now);
        cache(caseId, aead, now);
        return aead;
    }

    /** The case's key held by this instance, if loaded within {@code cacheTtl}; null otherwise. */
    private Aead cached(String caseId, Instant now) {
        synchronized (cache) {
            Cached cached = cache.get(caseId);
            return cached != null && cached.loadedAt().plus(cacheTtl).isAfter(now) ? cached.aead() : null;
        }
    }

    private void cache(String caseId, Aead aead, Instant now) {
        synchronized (cache) {
            cache.put(caseId, new Cached(aead, now));
        }
    }

    private Aead load(String caseId, boolean createIfMissing, Instant now) {
        Optional<WrappedCaseKey> stored = store.find(caseId);
        if (stored.isEmpty() && createIfMissing) {
            KeysetHandle fresh = Keysets.generate(PredefinedAeadParameters.AES256_GCM);
            if (store.create(new WrappedCaseKey(caseId, wrap(caseId, fresh), now, null))) {
                return primitive(caseId, fresh);
            }
            stored = store.find(caseId); // another thread or instance made it first: use theirs
        }
        WrappedCaseKey key = stored.orElseThrow(() -> new ProtectionException("case " + caseId + " has no key"));
        if (key.shredded()) {
            throw new CaseKeyShreddedException(caseId, key.shreddedAt());
        }
        return primitive(caseId, unwrap(caseId, key.wrappedKeyset()));
    }

    private byte[] wrap(String caseId, KeysetHandle keyset) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, wrapping, wrappingAssociatedData(caseId));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not wrap the key of case " + caseId, e);
        }
    }

    private KeysetHandle unwrap(String caseId, byte[] wrapped) {
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, wrapping, wrappingAssociatedData(caseId));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not unwrap the key of case " + caseId
                    + " (wrapping keyset without the key it was wrapped with, or a key of another case)", e);
        }
    }

    private static Aead primitive(String caseId, KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("the key of case " + caseId + " is not an AEAD keyset", e);
        }
    }

    /** The associated data of the wrapped key: the wrapped key of one case does not unwrap as another's. */
    static byte[] wrappingAssociatedData(String caseId) {
        return lengthPrefixed("case-key", caseId);
    }

    private static byte[] associatedData(String caseId, String owner, SensitiveField field) {
        return lengthPrefixed("case-value", caseId, owner == null ? "" : owner, field.fieldName());
    }

    /** Each part as its UTF-8 length, a colon and its bytes: no two different lists of parts give the same bytes. */
    private static byte[] lengthPrefixed(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(UTF_8));
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    private record Cached(Aead aead, Instant loadedAt) {
    }
}
