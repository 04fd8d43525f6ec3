package org.readmission.caseworkflow.cases;

import org.readmission.protection.SensitiveField;

/** What the case store keeps encrypted (associated data = case id + field name). */
enum SensitiveCaseFields implements SensitiveField {
    /** The whole application as the partner sent it: names, documents and their MRZs, fingerprint templates. */
    APPLICATION("application"),
    /** A travel document number issued by the requested party. */
    TRAVEL_DOCUMENT_NUMBER("travelDocumentNumber");

    private final String fieldName;

    SensitiveCaseFields(String fieldName) {
        this.fieldName = fieldName;
    }

    @Override
    public String fieldName() {
        return fieldName;
    }
}
