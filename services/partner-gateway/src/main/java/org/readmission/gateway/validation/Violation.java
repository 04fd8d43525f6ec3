package org.readmission.gateway.validation;

import org.readmission.events.partner.ReasonCode;

/** One broken rule: a machine-readable code, the field concerned (may be null) and a message saying how to fix it. */
public record Violation(ReasonCode code, String field, String message) {

    public static Violation of(ReasonCode code, String field, String message) {
        return new Violation(code, field, message);
    }
}
