package org.readmission.identity.mrz;

/** A difference between the zone and the declared identity (names compared transliteration-tolerantly). */
public enum Inconsistency {
    SURNAME("the surname in the machine-readable zone differs from the declared surname"),
    GIVEN_NAMES("the given names in the machine-readable zone differ from the declared given names"),
    DATE_OF_BIRTH("the date of birth in the machine-readable zone differs from the declared date of birth"),
    SEX("the sex in the machine-readable zone differs from the declared sex"),
    DOCUMENT_NUMBER("the document number in the machine-readable zone differs from the declared number"),
    ISSUING_STATE("the issuing state in the machine-readable zone differs from the declared issuing state");

    private final String description;

    Inconsistency(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
