package org.readmission.identity.protection;

/** Why registry or biometric data was read or written (data-protection article: who, what, when, why). */
public enum AccessPurpose {
    VERIFY_IDENTITY_FOR_READMISSION,
    CHECK_FALSE_DOCUMENT_LIST,
    ENROL_REGISTRY_RECORD
}
