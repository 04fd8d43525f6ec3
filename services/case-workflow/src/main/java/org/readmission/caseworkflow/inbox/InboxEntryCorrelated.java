package org.readmission.caseworkflow.inbox;

import org.apache.avro.specific.SpecificRecord;

/**
 * An incoming event reached its process (now, or found delivered earlier during recovery). Listeners record
 * what it means for the case file; they must be idempotent (keyed by {@code ceId}) since recovery repeats it.
 */
public record InboxEntryCorrelated(String caseId, String ceId, String ceType, String messageName,
                                   SpecificRecord payload, String processInstanceId) {
}
