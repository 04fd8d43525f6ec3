package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** The requesting party withdraws its application: whatever is open ends and the case closes as WITHDRAWN. */
class WithdrawalTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void withdrawalWhileTheReplyIsPendingClosesTheCase() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-WD-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(timerDue(case_, REPLY_DEADLINE)).isEqualTo("2026-03-17T19:59:59Z");

    receive(case_, Messages.APPLICATION_WITHDRAWN);

    assertThat(case_).isEnded().hasPassed(WITHDRAWAL, END_APPLICATION_WITHDRAWN).hasNotPassed(REPLY_DEADLINE);
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(case_.getId()).count()).isZero();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(case_.getId()).count()).isZero();
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, CASE_CLOSED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("WITHDRAWN");
    Assertions.assertThat(variable(case_, Variables.OUTCOME)).isEqualTo("WITHDRAWN");
  }

  @Test
  void withdrawalDuringVerificationEndsEveryPersonsVerification() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-WD-2", RECEIVED));
    assertThat(case_).isWaitingAt(AWAIT_VERIFICATION_RESULT);

    receive(case_, Messages.APPLICATION_WITHDRAWN);

    assertThat(case_).isEnded().hasPassed(END_APPLICATION_WITHDRAWN);
  }

  @Test
  void withdrawalAfterApprovalStopsTheTransfer() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-WD-3", RECEIVED));
    assertThat(case_).isWaitingAt(ISSUE_TRAVEL_DOCUMENT);

    receive(case_, Messages.APPLICATION_WITHDRAWN);

    assertThat(case_).isEnded().hasPassed(END_APPLICATION_WITHDRAWN).hasNotPassed(TRAVEL_DOCUMENT_DEADLINE);
    Assertions.assertThat(published.types()).endsWith(READMISSION_DECIDED, CASE_CLOSED);
  }
}
