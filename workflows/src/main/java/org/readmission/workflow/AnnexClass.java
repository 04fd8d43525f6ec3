package org.readmission.workflow;

/** The annex of the agreement an item of evidence falls under (output of DMN {@code EvidenceClassification}). */
public enum AnnexClass {
  /** Annex 1: nationality accepted without further inquiry. */
  PROOF,
  /** Annex 2: nationality deemed established unless the requested state proves otherwise. */
  PRIMA_FACIE,
  /** Annex 3: proof of the conditions of readmission of a third-country national or stateless person. */
  THIRD_COUNTRY_PROOF,
  /** Annex 4: prima facie evidence of those conditions. */
  THIRD_COUNTRY_PRIMA_FACIE,
  /** Not evidence under the annexes: nationality is established by an interview. */
  NONE;

  /** What this class means for the case as a whole. */
  public EvidenceSummary strength() {
    switch (this) {
      case PROOF:
      case THIRD_COUNTRY_PROOF:
        return EvidenceSummary.PROOF;
      case PRIMA_FACIE:
      case THIRD_COUNTRY_PRIMA_FACIE:
        return EvidenceSummary.PRIMA_FACIE;
      default:
        return EvidenceSummary.INTERVIEW_REQUIRED;
    }
  }
}
