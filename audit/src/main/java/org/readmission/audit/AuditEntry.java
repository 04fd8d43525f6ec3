package org.readmission.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One fact to record, before it takes its place in the chain. Holds identifiers and codes only, never values of
 * personal data: {@code what} names an event type or the fields concerned (e.g. {@code persons.name,persons.birthDate}).
 *
 * @param at        when it happened (kept to the millisecond, as MongoDB stores it)
 * @param who       the principal: {@code user:<id>}, {@code service:<name>} or {@code partner:<party code>}
 * @param party     the party concerned: the user's party, or the partner the message came from or went to
 * @param action    what was done
 * @param what      event type or field names
 * @param reference the message id (ce_id) or resource id concerned
 * @param caseId    the case, when known
 * @param purpose   why, e.g. {@code readmission exchange}
 * @param outcome   short code: ACCEPTED, DUPLICATE, reason codes …
 */
public record AuditEntry(Instant at, String who, String party, AuditAction action, String what, String reference,
                         String caseId, String purpose, String outcome) {

    public AuditEntry {
        if (at == null || action == null) {
            throw new IllegalArgumentException("an audit entry needs a time and an action");
        }
        at = at.truncatedTo(ChronoUnit.MILLIS);
        AuditValues.require("who", who, true);
        AuditValues.require("party", party, false);
        AuditValues.require("what", what, false);
        AuditValues.require("reference", reference, false);
        AuditValues.require("caseId", caseId, false);
        AuditValues.requirePurpose(purpose);
        AuditValues.require("outcome", outcome, false);
    }

    /** A principal that is a person: {@code user:<id>}. */
    public static String user(String userId) {
        return "user:" + userId;
    }

    /** A principal that is one of our services: {@code service:<name>}. */
    public static String service(String name) {
        return "service:" + name;
    }

    /** A principal that is a partner's system: {@code partner:<party code>}. */
    public static String partner(String partyCode) {
        return "partner:" + (partyCode == null ? "unknown" : partyCode);
    }
}
