package org.readmission.audit;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/** The stored form of a record, written and read field by field (no mapping magic between the hash and the store). */
final class AuditDocuments {

    private AuditDocuments() {
    }

    static Document toDocument(AuditRecord r) {
        Document d = new Document("_id", r.id())
                .append("chain", r.chain())
                .append("sequence", r.sequence())
                .append("at", Date.from(r.at()))
                .append("who", r.who())
                .append("action", r.action().name());
        putIfPresent(d, "party", r.party());
        putIfPresent(d, "what", r.what());
        putIfPresent(d, "reference", r.reference());
        putIfPresent(d, "caseId", r.caseId());
        d.append("purpose", r.purpose());
        putIfPresent(d, "outcome", r.outcome());
        return d.append("previousHash", r.previousHash()).append("hash", r.hash());
    }

    /** Reads a stored record as it is, however it was changed; unknown actions are kept as null (and fail the hash). */
    static AuditRecord fromDocument(Document d) {
        Object sequence = d.get("sequence");
        Object at = d.get("at");
        return new AuditRecord(String.valueOf(d.get("_id")), d.getString("chain"),
                sequence instanceof Number n ? n.longValue() : -1,
                at instanceof Date date ? date.toInstant() : at == null ? null : Instant.EPOCH,
                text(d, "who"), text(d, "party"), action(d.get("action")), text(d, "what"), text(d, "reference"),
                text(d, "caseId"), text(d, "purpose"), text(d, "outcome"), text(d, "previousHash"), text(d, "hash"));
    }

    private static String text(Document d, String field) {
        Object value = d.get(field);
        return value == null ? null : value.toString();
    }

    private static AuditAction action(Object value) {
        try {
            return value == null ? null : AuditAction.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void putIfPresent(Document d, String field, String value) {
        if (value != null) {
            d.append(field, value);
        }
    }
}
