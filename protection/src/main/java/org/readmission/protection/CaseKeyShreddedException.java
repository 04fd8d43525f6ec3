package org.readmission.protection;

import java.time.Instant;

/**
 * The key of a case was shredded after its retention period (or on erasure): nothing sealed under it can be read any
 * more, and nothing new is sealed for the case. The message names the case id and the time, never a value.
 */
public class CaseKeyShreddedException extends ProtectionException {

    private final String caseId;
    private final Instant shreddedAt;

    public CaseKeyShreddedException(String caseId, Instant shreddedAt) {
        super("the key of case " + caseId + " was shredded at " + shreddedAt
                + ": its personal data is erased and no new data is kept for it");
        this.caseId = caseId;
        this.shreddedAt = shreddedAt;
    }

    public String caseId() {
        return caseId;
    }

    public Instant shreddedAt() {
        return shreddedAt;
    }
}
