package org.readmission.identity.mrz;

/** What can be wrong with a machine-readable zone, in words an officer can check against the document. */
public enum MrzProblem {
    UNRECOGNISED_FORMAT("the zone is not 3 lines of 30 (TD1), 2 of 36 (TD2) or 2 of 44 (TD3) characters"),
    INVALID_CHARACTER("the zone contains characters other than A-Z, 0-9 and '<'"),
    UNEXPECTED_DOCUMENT_CODE("the document code does not fit the layout (P for passports, I/A/C for identity cards)"),
    UNKNOWN_ISSUING_STATE("the issuing state is not an ICAO 9303 code"),
    UNKNOWN_NATIONALITY("the nationality is not an ICAO 9303 code"),
    DOCUMENT_NUMBER_CHECK_DIGIT("the check digit of the document number is wrong"),
    INVALID_BIRTH_DATE("the date of birth is not a date (YYMMDD)"),
    BIRTH_DATE_CHECK_DIGIT("the check digit of the date of birth is wrong"),
    INVALID_EXPIRY_DATE("the date of expiry is not a date (YYMMDD)"),
    EXPIRY_DATE_CHECK_DIGIT("the check digit of the date of expiry is wrong"),
    OPTIONAL_DATA_CHECK_DIGIT("the check digit of the personal number (optional data) is wrong"),
    COMPOSITE_CHECK_DIGIT("the composite check digit is wrong"),
    INVALID_SEX("the sex is not M, F, X or '<'"),
    MISSING_NAME("the name field holds no name");

    private final String description;

    MrzProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
