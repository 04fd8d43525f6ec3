package org.readmission.identity.assessment;

/** The verification outcome of one person. */
public enum Outcome {
    CONFIRMED, NOT_CONFIRMED, INTERVIEW_REQUIRED
}
