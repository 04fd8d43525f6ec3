package org.readmission.identity.assessment;

/** The agreement's evidence classes (Annex 1 proof, Annex 2 prima facie, Annexes 3/4 for third-country nationals). */
public enum EvidenceClass {
    PROOF, PRIMA_FACIE, THIRD_COUNTRY_PROOF, THIRD_COUNTRY_PRIMA_FACIE, UNCLASSIFIED
}
