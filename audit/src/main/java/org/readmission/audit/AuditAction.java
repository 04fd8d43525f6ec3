package org.readmission.audit;

/** What was done. Reads and changes of personal data, and every message exchanged with a partner. */
public enum AuditAction {
    /** Personal data was shown or handed to someone (field names in {@code what}). */
    READ_PERSONAL_DATA,
    /** Personal data was created, corrected or otherwise changed (field names in {@code what}). */
    CHANGE_PERSONAL_DATA,
    /** Personal data was erased or made unreadable (retention, rectification). */
    ERASE_PERSONAL_DATA,
    /** A partner's message was received and taken (outcome: ACCEPTED, DUPLICATE, REDELIVERED). */
    MESSAGE_RECEIVED,
    /** A partner's message was received and refused with reasons (outcome: the reason codes). */
    MESSAGE_REJECTED,
    /** A partner's message could not be read or attributed and was copied to the dead-letter topic. */
    MESSAGE_DEAD_LETTERED,
    /** A message was handed to a partner (confirmed by the broker). */
    MESSAGE_SENT,
    /** An auditor read the audit trail. */
    AUDIT_TRAIL_READ
}
