package org.readmission.workflow;

/** The case's evidence in one word (process variable {@code evidenceSummary}), strongest first. */
public enum EvidenceSummary {
  PROOF, PRIMA_FACIE, INTERVIEW_REQUIRED;

  EvidenceSummary weaker(EvidenceSummary other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  EvidenceSummary stronger(EvidenceSummary other) {
    return other.ordinal() < ordinal() ? other : this;
  }
}
