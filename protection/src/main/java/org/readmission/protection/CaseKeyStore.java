package org.readmission.protection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Where the wrapped (encrypted) key of each case is kept: one entry per case id. A port, so that this module stays
 * free of a storage framework; {@link MongoCaseKeyStore} keeps them in a MongoDB collection with the plain driver.
 * Implementations must make {@link #create} and {@link #markShredded} atomic per case (one document each).
 */
public interface CaseKeyStore {

    /** The entry of a case: a wrapped key, or a tombstone saying when it was shredded; empty when none was made yet. */
    Optional<WrappedCaseKey> find(String caseId);

    /** Stores a new wrapped key unless the case already has an entry (key or tombstone); false when it had one. */
    boolean create(WrappedCaseKey key);

    /**
     * Deletes the wrapped key and leaves a tombstone with the time of shredding, so no key is ever made again for the
     * case. Idempotent: a case shredded before keeps its first time. Returns the time the entry records.
     */
    Instant markShredded(String caseId, Instant at);

    /** The entries of the given cases that exist (keys or tombstones), in one look-up. */
    Map<String, WrappedCaseKey> findAll(Collection<String> caseIds);

    /**
     * Stores new wrapped keys in one write, skipping every case that already has an entry (as {@link #create} does
     * one by one); returns the ids of the keys it stored.
     */
    Set<String> createAll(List<WrappedCaseKey> keys);

    /** The ids of the cases whose key exists (not shredded), for re-wrapping after a master-key rotation. */
    List<String> caseIdsWithKeys();

    /**
     * Replaces a case's wrapped key if it is still {@code expected} (not shredded, not re-wrapped meanwhile): one atomic
     * single-entry update. Returns whether it replaced it.
     */
    boolean replaceWrapped(String caseId, byte[] expected, byte[] replacement);

    /**
     * One case's entry.
     *
     * @param wrappedKeyset the case's Tink keyset encrypted by the service's wrapping (master) keyset; null once shredded
     * @param shreddedAt    when the key was deleted; null while it exists
     */
    record WrappedCaseKey(String caseId, byte[] wrappedKeyset, Instant createdAt, Instant shreddedAt) {

        public boolean shredded() {
            return shreddedAt != null;
        }
    }
}
