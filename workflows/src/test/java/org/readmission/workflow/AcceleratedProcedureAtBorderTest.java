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
 * A person apprehended in the border region after crossing directly from Azerbaijan: the reply is due within
 * 2 working days of Azerbaijan, here over Novruz.
 */
class AcceleratedProcedureAtBorderTest extends ReadmissionCaseScenario {

  /** Thursday 19 March 2026, 15:00 in Baku, the day before Novruz. */
  static final Instant RECEIVED = Instant.parse("2026-03-19T11:00:00Z");

  @Test
  void replyIsDueTwoAzerbaijaniWorkingDaysAfterReceiptOverNovruz() {
    ProcessInstance case_ = open(Applications.acceleratedAtBorder("RC-ACC-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");

    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
    assertThat(task(DECIDE_ON_APPLICATION, case_)).hasCandidateGroup("AZ-SMS:case-officer");
    // Novruz 20-24 March and the weekend do not count: Wednesday 25 and Thursday 26 March
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-03-26T19:59:59Z");
    Assertions.assertThat(task(DECIDE_ON_APPLICATION, case_).getDueDate().toInstant()).isEqualTo("2026-03-26T19:59:59Z");
    Assertions.assertThat(variable(case_, "replyDeadlineRule")).isEqualTo("2 working days from confirmed receipt");
    Assertions.assertThat((String) variable(case_, Variables.REPLY_DEADLINE_EXPLANATION))
        .contains("Mon 23 Mar 2026 (Nowruz)", "REPLY_ACCELERATED");
    // a copy of an identity card is prima facie evidence
    Assertions.assertThat(variable(case_, Variables.EVIDENCE_SUMMARY)).isEqualTo("PRIMA_FACIE");
  }

  @Test
  void remindsThenEscalatesToTheSupervisorBeforeTheDeadline() {
    ProcessInstance case_ = open(Applications.acceleratedAtBorder("RC-ACC-2", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");

    // two working days before the last day is the day of receipt: the reminder is due at once
    Assertions.assertThat(timerDue(case_, REPLY_REMINDER)).isEqualTo(RECEIVED);
    fireTimer(case_, REPLY_REMINDER);
    assertThat(case_).hasPassed(REPLY_REMINDER, "EndEvent_ReplyReminderRecorded").isWaitingAt(DECIDE_ON_APPLICATION);

    // the last working day begins: Thursday 26 March, 00:00 in Baku
    Assertions.assertThat(timerDue(case_, ESCALATE_AT_DEADLINE)).isEqualTo("2026-03-25T20:00:00Z");
    fireTimer(case_, ESCALATE_AT_DEADLINE);
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION, ESCALATE_OVERDUE_REPLY);
    assertThat(task(ESCALATE_OVERDUE_REPLY, case_)).hasCandidateGroup("AZ-SMS:supervisor");

    // the officer replies that day; the supervisor closes the escalation
    completeTask(case_, DECIDE_ON_APPLICATION, Variables.DECISION, "APPROVED");
    completeTask(case_, ESCALATE_OVERDUE_REPLY);

    assertThat(case_).hasNotPassed(REPLY_DEADLINE).isWaitingAt(ISSUE_TRAVEL_DOCUMENT);
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, READMISSION_DECIDED);
  }

  @Test
  void anUnansweredEscalationLapsesWhenTheTimeLimitIsOver() {
    ProcessInstance case_ = open(Applications.acceleratedAtBorder("RC-ACC-3", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    fireTimer(case_, ESCALATE_AT_DEADLINE);
    completeTask(case_, DECIDE_ON_APPLICATION, Variables.DECISION, "APPROVED");

    fireTimer(case_, "BoundaryEvent_EscalationLapsed");

    assertThat(case_).hasPassed("EndEvent_EscalationLapsed").isNotWaitingAt(ESCALATE_OVERDUE_REPLY);
  }
}
