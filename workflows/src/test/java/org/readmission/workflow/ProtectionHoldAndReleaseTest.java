package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * A protection concern puts the case on hold: the hold is published, an authorised officer reviews it, and no
 * handover can happen while it lasts.
 */
class ProtectionHoldAndReleaseTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void heldCaseWaitsBeforeTheHandoverUntilTheHoldIsReleased() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-HOLD-1", RECEIVED));

    receive(case_, Messages.PROTECTION_CONCERN_RAISED, Map.of(Variables.HOLD_RAISED_BY, "DE-BPOL"));
    Assertions.assertThat(variable(case_, Variables.ON_HOLD)).isEqualTo(true);
    assertThat(case_).isWaitingAt(ISSUE_TRAVEL_DOCUMENT, REVIEW_PROTECTION_HOLD);
    assertThat(task(REVIEW_PROTECTION_HOLD, case_)).hasCandidateGroup("DE-BPOL:protection-officer");

    // the transfer time limit keeps running while the case is held: 3 months from approval
    Assertions.assertThat(timerDue(case_, TRANSFER_DEADLINE)).isEqualTo(instant(case_, Variables.TRANSFER_DUE_AT));
    Assertions.assertThat(instant(case_, Variables.TRANSFER_DUE_AT)).isEqualTo("2026-06-02T19:59:59Z");

    // the rest of the transfer is prepared, but the handover is not offered
    scheduleTransfer(case_);
    assertThat(case_).hasPassed("ServiceTask_PublishTransferScheduled")
        .isWaitingAt(HOLD_CLEARED, REVIEW_PROTECTION_HOLD)
        .isNotWaitingAt(CONFIRM_HANDOVER);

    completeTask(case_, REVIEW_PROTECTION_HOLD, Variables.HOLD_DECISION, "RELEASE");

    Assertions.assertThat(variable(case_, Variables.ON_HOLD)).isEqualTo(false);
    assertThat(case_).hasPassed(HOLD_CLEARED).isWaitingAt(CONFIRM_HANDOVER);
    completeTask(case_, CONFIRM_HANDOVER);
    assertThat(case_).isEnded().hasPassed(END_PERSON_TRANSFERRED);
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, READMISSION_DECIDED,
        PROTECTION_HOLD_PLACED, TRAVEL_DOCUMENT_ISSUED, TRANSFER_SCHEDULED, PROTECTION_HOLD_RELEASED,
        TRANSFER_COMPLETED, CASE_CLOSED);
  }

  @Test
  void holdPlacedWhileTheHandoverIsOfferedWithdrawsTheHandoverTask() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-HOLD-2", RECEIVED));
    scheduleTransfer(case_);
    assertThat(case_).isWaitingAt(CONFIRM_HANDOVER);

    receive(case_, Messages.PROTECTION_CONCERN_RAISED);

    assertThat(case_).hasPassed(HOLD_PLACED_BEFORE_HANDOVER)
        .isNotWaitingAt(CONFIRM_HANDOVER)
        .isWaitingAt(HOLD_CLEARED, REVIEW_PROTECTION_HOLD);
    // without a known sender the requesting party's protection officer reviews
    assertThat(task(REVIEW_PROTECTION_HOLD, case_)).hasCandidateGroup("DE-BPOL:protection-officer");

    completeTask(case_, REVIEW_PROTECTION_HOLD, Variables.HOLD_DECISION, "RELEASE");
    assertThat(case_).isWaitingAt(CONFIRM_HANDOVER);
  }

  @Test
  void holdLastsUntilEveryConcernIsReleased() {
    ProcessInstance case_ = approved(Applications.familyOfThree("RC-HOLD-3", RECEIVED));
    receive(case_, Messages.PROTECTION_CONCERN_RAISED);
    receive(case_, Messages.PROTECTION_CONCERN_RAISED);
    scheduleTransfer(case_);

    String firstReview = taskService().createTaskQuery().processInstanceId(case_.getId())
        .taskDefinitionKey(REVIEW_PROTECTION_HOLD).list().get(0).getId();
    taskService().complete(firstReview, Map.of(Variables.HOLD_DECISION, "RELEASE"));
    runAsyncSteps();

    Assertions.assertThat(variable(case_, Variables.ON_HOLD)).isEqualTo(true);
    assertThat(case_).isWaitingAt(HOLD_CLEARED, REVIEW_PROTECTION_HOLD).isNotWaitingAt(CONFIRM_HANDOVER);

    completeTask(case_, REVIEW_PROTECTION_HOLD, Variables.HOLD_DECISION, "RELEASE");
    assertThat(case_).isWaitingAt(CONFIRM_HANDOVER);
  }

  @Test
  void upheldHoldClosesTheCaseWithoutTransfer() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-HOLD-4", RECEIVED));
    receive(case_, Messages.PROTECTION_CONCERN_RAISED);

    completeTask(case_, REVIEW_PROTECTION_HOLD, Variables.HOLD_DECISION, "UPHOLD", "holdMotivation", "Refugee status granted");

    assertThat(case_).isEnded()
        .hasPassed("EndEvent_HoldUpheld", CLOSED_ON_PROTECTION_GROUNDS, END_CLOSED_ON_PROTECTION_GROUNDS)
        .hasNotPassed(CONFIRM_HANDOVER, END_PERSON_TRANSFERRED);
    Assertions.assertThat(published.types()).endsWith(PROTECTION_HOLD_PLACED, CASE_CLOSED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("OTHER");
    Assertions.assertThat(variable(case_, Variables.OUTCOME)).isEqualTo("OTHER");
  }
}
