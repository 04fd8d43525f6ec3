package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Date;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * Approved cases that are not transferred in time are tracked like any other deadline: an overdue travel document goes
 * to a supervisor, and at the transfer time limit the requesting party's supervisor extends it or closes the case.
 */
class ApprovedButNotTransferredTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void overdueTravelDocumentGoesToTheSupervisorAndEndsWithTheHandover() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-LATE-1", RECEIVED));

    fireTimer(case_, TRAVEL_DOCUMENT_DEADLINE);

    assertThat(case_).isWaitingAt(ISSUE_TRAVEL_DOCUMENT, ESCALATE_OVERDUE_TRAVEL_DOCUMENT);
    assertThat(task(ESCALATE_OVERDUE_TRAVEL_DOCUMENT, case_)).hasCandidateGroup("AZ-SMS:supervisor");

    scheduleTransfer(case_);
    completeTask(case_, CONFIRM_HANDOVER);
    // the handover ends the transfer phase, and the open escalation with it
    assertThat(case_).isEnded().hasPassed(END_PERSON_TRANSFERRED).hasNotPassed("EndEvent_OverdueTravelDocumentEscalated");
  }

  @Test
  void supervisorExtendsTheTransferTimeLimitThenClosesTheCase() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-LATE-2", RECEIVED));
    completeTask(case_, ISSUE_TRAVEL_DOCUMENT);

    fireTimer(case_, TRANSFER_DEADLINE);
    assertThat(case_).isWaitingAt(AWAIT_TRANSFER_PROPOSAL, PROPOSE_TRANSFER, REVIEW_TRANSFER_DEADLINE);
    assertThat(task(REVIEW_TRANSFER_DEADLINE, case_)).hasCandidateGroup("DE-BPOL:supervisor");

    Date extendedTo = Date.from(Instant.parse("2026-09-30T19:59:59Z"));
    completeTask(case_, REVIEW_TRANSFER_DEADLINE, Variables.TRANSFER_DEADLINE_ACTION, "EXTEND",
        Variables.TRANSFER_DUE_AT, extendedTo, Variables.TRANSFER_EXTENSION_REASON, "No flights");
    assertThat(case_).isWaitingAt(EXTENDED_TRANSFER_DEADLINE, AWAIT_TRANSFER_PROPOSAL, PROPOSE_TRANSFER);
    Assertions.assertThat(timerDue(case_, EXTENDED_TRANSFER_DEADLINE)).isEqualTo("2026-09-30T19:59:59Z");

    fireTimer(case_, EXTENDED_TRANSFER_DEADLINE);
    completeTask(case_, REVIEW_TRANSFER_DEADLINE, Variables.TRANSFER_DEADLINE_ACTION, "CLOSE");

    assertThat(case_).isEnded().hasPassed(END_TRANSFER_NOT_COMPLETED).hasNotPassed(END_PERSON_TRANSFERRED);
    Assertions.assertThat(published.types()).endsWith(READMISSION_DECIDED, TRAVEL_DOCUMENT_ISSUED, CASE_CLOSED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("EXPIRED");
  }

  @Test
  void transferWithinTheExtendedTimeLimitEndsTheWatch() {
    ProcessInstance case_ = approved(Applications.normalToAzerbaijan("RC-LATE-3", RECEIVED));
    fireTimer(case_, TRANSFER_DEADLINE);
    completeTask(case_, REVIEW_TRANSFER_DEADLINE, Variables.TRANSFER_DEADLINE_ACTION, "EXTEND",
        Variables.TRANSFER_DUE_AT, Date.from(Instant.parse("2026-09-30T19:59:59Z")));

    scheduleTransfer(case_);
    completeTask(case_, CONFIRM_HANDOVER);

    assertThat(case_).isEnded().hasPassed(END_PERSON_TRANSFERRED).hasNotPassed(END_TRANSFER_NOT_COMPLETED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("TRANSFERRED");
  }
}
