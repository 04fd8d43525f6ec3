package org.readmission.workflow;

/** Which time limit a deadline is; mirrors the event catalogue's {@code DeadlineKind}. */
public enum DeadlineKind {
  REPLY, EXTENDED_REPLY, TRAVEL_DOCUMENT, TRANSFER, INTERVIEW, SUBMISSION
}
