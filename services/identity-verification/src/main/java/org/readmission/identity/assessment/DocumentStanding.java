package org.readmission.identity.assessment;

/** What one presented document is worth as evidence of the requested state's nationality. */
public enum DocumentStanding {
    PROOF, PRIMA_FACIE, THIRD_COUNTRY, DISPUTED, FALSE, NOT_EVIDENCE
}
