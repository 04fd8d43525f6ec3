package org.readmission.caseworkflow.inbox;

/** A transaction of the engine moved this case's process to a new activity and committed. */
record CaseMovedOn(String caseId) {
}
