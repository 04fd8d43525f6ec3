package org.readmission.gateway.submission;

/** What the gateway decided about a submission. */
public enum SubmissionStatus {
    ACCEPTED,
    REJECTED
}
