package org.readmission.caseworkflow.publishing;

import org.readmission.protection.SensitiveField;

/** What the outbox keeps encrypted until the event is sent (associated data = ce_id + field name). */
enum OutboxField implements SensitiveField {
    /** The encoded event: it may carry names, documents and fingerprints (e.g. the forwarded application). */
    EVENT("outboxEvent");

    private final String fieldName;

    OutboxField(String fieldName) {
        this.fieldName = fieldName;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }
}
