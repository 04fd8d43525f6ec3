package org.readmission.audit;

import java.time.Instant;

/**
 * An audit entry in its place in a chain: {@code hash} is SHA-256 over the canonical form of every other field,
 * {@code previousHash} included, so changing, removing, inserting or moving a record breaks the chain from there on.
 *
 * @param id the storage id, {@code <chain>:<sequence>}: one record per position, whoever appends
 */
public record AuditRecord(String id, String chain, long sequence, Instant at, String who, String party, AuditAction action,
                          String what, String reference, String caseId, String purpose, String outcome,
                          String previousHash, String hash) {

    /** The previous hash of the first record of a chain. */
    public static final String GENESIS = "0".repeat(64);

    static AuditRecord chained(String chain, long sequence, String previousHash, AuditEntry e) {
        AuditRecord unsealed = new AuditRecord(idOf(chain, sequence), chain, sequence, e.at(), e.who(), e.party(), e.action(),
                e.what(), e.reference(), e.caseId(), e.purpose(), e.outcome(), previousHash, null);
        return unsealed.withHash(unsealed.computeHash());
    }

    static String idOf(String chain, long sequence) {
        return chain + ":" + sequence;
    }

    /** SHA-256 of the canonical form: every field but the hash, in a fixed order, length-prefixed. */
    public String computeHash() {
        StringBuilder b = new StringBuilder(512);
        field(b, "chain", chain);
        field(b, "sequence", Long.toString(sequence));
        field(b, "at", at == null ? null : at.toString());
        field(b, "who", who);
        field(b, "party", party);
        field(b, "action", action == null ? null : action.name());
        field(b, "what", what);
        field(b, "reference", reference);
        field(b, "caseId", caseId);
        field(b, "purpose", purpose);
        field(b, "outcome", outcome);
        field(b, "previousHash", previousHash);
        return AuditValues.sha256(b.toString());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append('=');
        if (value == null) {
            b.append('~');
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('\n');
    }

    AuditRecord withHash(String newHash) {
        return new AuditRecord(id, chain, sequence, at, who, party, action, what, reference, caseId, purpose, outcome, previousHash, newHash);
    }
}
