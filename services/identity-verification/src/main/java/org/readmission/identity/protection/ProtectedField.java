package org.readmission.identity.protection;

import org.readmission.protection.SensitiveField;

/** The sensitive fields this service protects, named as in the associated data and the access log. */
public enum ProtectedField implements SensitiveField {
    DOCUMENT_NUMBER("documentNumber"),
    /** Names and date of birth of registry records (read, not encrypted: searched by a transliteration-tolerant key). */
    REGISTRY_IDENTITY("registryIdentity"),
    FINGERPRINT_TEMPLATE("fingerprintTemplate");

    private final String fieldName;

    ProtectedField(String fieldName) {
        this.fieldName = fieldName;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }
}
