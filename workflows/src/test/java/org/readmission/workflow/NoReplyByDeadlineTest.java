package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * No reply by the deadline: the expiry is published and the requesting party's supervisor records an explicit outcome,
 * "treated as agreed" or "closed" — never a silent default.
 */
class NoReplyByDeadlineTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  ProcessInstance caseWithExpiredReply(String caseId) {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan(caseId, RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    fireTimer(case_, ESCALATE_AT_DEADLINE);
    fireTimer(case_, REPLY_DEADLINE);
    return case_;
  }

  @Test
  void expiryIsPublishedAndTheRequestingPartysSupervisorDecides() {
    ProcessInstance case_ = caseWithExpiredReply("RC-NOREPLY-1");

    assertThat(case_).hasPassed(REPLY_DEADLINE, "ServiceTask_PublishReplyTimeLimitExpired")
        .isNotWaitingAt(DECIDE_ON_APPLICATION)
        .isWaitingAt(REVIEW_EXPIRED_REPLY);
    assertThat(task(REVIEW_EXPIRED_REPLY, case_)).hasCandidateGroup("DE-BPOL:supervisor");
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, REPLY_TIME_LIMIT_EXPIRED);
  }

  @Test
  void treatedAsAgreedContinuesOnTheApprovalPath() {
    ProcessInstance case_ = caseWithExpiredReply("RC-NOREPLY-2");
    // the requested party's escalation lapsed with the time limit
    fireTimer(case_, "BoundaryEvent_EscalationLapsed");

    setClock(Instant.parse("2026-03-18T07:00:00Z"));
    completeTask(case_, REVIEW_EXPIRED_REPLY, Variables.DECISION, "NO_REPLY_TREATED_AS_AGREED",
        Variables.MOTIVATION, "No reply within 15 calendar days");

    assertThat(case_).hasPassed("Gateway_Approved", "ServiceTask_ComputeTravelDocumentDeadline")
        .isWaitingAt(ISSUE_TRAVEL_DOCUMENT);
    Assertions.assertThat(variable(case_, Variables.DECISION)).isEqualTo("NO_REPLY_TREATED_AS_AGREED");
    // the travel document runs from the recorded outcome, Wednesday 18 March: Thursday 19, then Novruz (20-24 March)
    // and the weekend, then 25, 26, 27 and Monday 30 March
    Assertions.assertThat(instant(case_, Variables.TRAVEL_DOCUMENT_DUE_AT)).isEqualTo("2026-03-30T19:59:59Z");
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, REPLY_TIME_LIMIT_EXPIRED,
        READMISSION_DECIDED);
  }

  @Test
  void supervisorCanCloseTheCaseInstead() {
    ProcessInstance case_ = caseWithExpiredReply("RC-NOREPLY-3");

    completeTask(case_, REVIEW_EXPIRED_REPLY, Variables.DECISION, "NO_REPLY_CASE_CLOSED");

    assertThat(case_).isEnded().hasPassed(END_CLOSED_WITHOUT_REPLY).hasNotPassed(ISSUE_TRAVEL_DOCUMENT);
    Assertions.assertThat(published.types()).endsWith(REPLY_TIME_LIMIT_EXPIRED, CASE_CLOSED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("EXPIRED");
  }
}
