package org.readmission.gateway.protection;

import org.readmission.protection.SensitiveField;

/**
 * What the gateway stores encrypted: the payload of a submission as the partner sent it (an application holds names,
 * documents, fingerprints) and every outbox message (the command to the case workflow carries the application too,
 * a forwarded case event may carry personal data). Under the case's key ({@code CaseKeys}; associated data = case +
 * submission key + field) once the submission belongs to a case, else under the service-wide key
 * ({@code FieldEncryption}; associated data = owner + field name).
 */
public enum GatewayFields implements SensitiveField {
    SUBMISSION_PAYLOAD("submissionPayload"),
    OUTBOX_MESSAGE("outboxMessage");

    private final String fieldName;

    GatewayFields(String fieldName) {
        this.fieldName = fieldName;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }
}
