package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** A family of three: one verification per person, each result correlated to its person. */
class FamilyCaseTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void verifiesEachPersonAndDecidesOnceAllAreVerified() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-FAM-1", RECEIVED));

    Assertions.assertThat(personsAwaitingVerification(case_)).containsExactly("P1", "P2", "P3");
    Assertions.assertThat(published.all())
        .filteredOn(event -> event.eventType().equals(VERIFICATION_REQUESTED))
        .extracting(RecordingEventPublisher.Published::personId)
        .containsExactlyInAnyOrder("P1", "P2", "P3");

    verify(case_, "P2", "CONFIRMED");
    Assertions.assertThat(personsAwaitingVerification(case_)).containsExactly("P1", "P3");
    verify(case_, "P3", "NOT_CONFIRMED");
    Assertions.assertThat(personsAwaitingVerification(case_)).containsExactly("P1");
    assertThat(case_).isNotWaitingAt(DECIDE_ON_APPLICATION);

    verify(case_, "P1", "CONFIRMED");
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
    // one reply for the whole family, 15 calendar days from receipt
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-03-17T19:59:59Z");
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, VERIFICATION_REQUESTED, VERIFICATION_REQUESTED);
  }

  @Test
  void theCaseNeedsAnInterviewUntilEveryPersonHasEvidence() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-FAM-2", RECEIVED));
    // the child has no evidence yet
    Assertions.assertThat(variable(case_, Variables.EVIDENCE_SUMMARY)).isEqualTo("INTERVIEW_REQUIRED");

    evidenceOnFile.put("RC-FAM-2", List.of(
        Evidence.document("P1", "OWN_NATIONAL", "NATIONAL_PASSPORT"),
        Evidence.document("P2", "OWN_NATIONAL", "BIRTH_CERTIFICATE"),
        Evidence.document("P3", "OWN_NATIONAL", "BIRTH_CERTIFICATE")));
    receive(case_, Messages.EVIDENCE_SUBMITTED);

    assertThat(case_).hasPassed(ADDITIONAL_EVIDENCE, "ServiceTask_ReclassifyEvidence")
        .isWaitingAt(AWAIT_VERIFICATION_RESULT);
    Assertions.assertThat(variable(case_, Variables.EVIDENCE_SUMMARY)).isEqualTo("PRIMA_FACIE");
  }
}
