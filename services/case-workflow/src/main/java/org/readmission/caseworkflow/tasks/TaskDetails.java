package org.readmission.caseworkflow.tasks;

import java.util.List;

import org.readmission.caseworkflow.cases.CaseFile;

/**
 * One task with what the officer needs to act on it: for the decision, the identity verification outcome of every
 * person (outcome, strongest evidence class, the reasons an officer can check), and for an interview the person it is
 * about. Only for the party and role the task is offered to.
 */
record TaskDetails(TaskView task, String personId, List<CaseFile.VerificationEntry> verifications) {
}
