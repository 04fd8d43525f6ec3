package org.readmission.gateway.validation;

import org.readmission.events.partner.ReasonCode;
import org.readmission.retention.Retention;

/** One broken rule: a machine-readable code, the field concerned (may be null) and a message saying how to fix it. */
public record Violation(ReasonCode code, String field, String message) {

    public static Violation of(ReasonCode code, String field, String message) {
        return new Violation(code, field, message);
    }

    /** A submission about a case whose personal data was erased at the end of its retention period. */
    public static Violation caseErased(String caseId) {
        return new Violation(ReasonCode.CASE_ERASED, "caseId", Retention.erasedMessage(caseId)
                + "; do not send anything more about this case");
    }

    /** The reason's name for logs and the audit trail. */
    public String reason() {
        return code.name();
    }

    /** The same broken rule without its message (which may quote a submitted value), once personal data is erased. */
    public Violation withoutMessage() {
        return new Violation(code, field, null);
    }
}
