package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.readmission.workflow.ReintegrationHandoffProcess.Activities.*;
import static org.readmission.workflow.ReintegrationHandoffProcess.Events.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReintegrationHandoffProcess.Variables;

/** Accepted, support plan agreed, follow-ups at arrival, 3 and 6 months, closed with an outcome. */
class ReintegrationFollowUpTest extends ReintegrationHandoffScenario {

  @Test
  void acceptedReferralIsFollowedUpThreeTimesAndClosed() {
    ProcessInstance handoff = referred("RC-FU-1", "P-1", Map.of());
    report(handoff, "ACCEPTED");
    report(handoff, "SUPPORT_PLAN_AGREED");

    assertThat(handoff).isWaitingAt(AWAIT_FOLLOW_UP_REPORT);
    Assertions.assertThat(variable(handoff, Variables.FOLLOW_UP_STAGE)).isEqualTo("FOLLOW_UP_ARRIVAL");
    Assertions.assertThat(timerDue(handoff, FOLLOW_UP_REPORT_DUE)).isEqualTo(Instant.parse("2026-05-18T08:00:00Z"));

    report(handoff, "FOLLOW_UP_ARRIVAL");
    Assertions.assertThat(timerDue(handoff, FOLLOW_UP_REPORT_DUE)).isEqualTo(Instant.parse("2026-08-18T08:00:00Z"));
    report(handoff, "FOLLOW_UP_3_MONTHS");
    Assertions.assertThat(timerDue(handoff, FOLLOW_UP_REPORT_DUE)).isEqualTo(Instant.parse("2026-11-18T08:00:00Z"));
    report(handoff, "FOLLOW_UP_6_MONTHS");

    assertThat(handoff).isWaitingAt(RECORD_CLOSURE).hasNotPassed(CHASE_MISSED_FOLLOW_UP);
    completeTask(handoff, RECORD_CLOSURE, Variables.OUTCOME, "COMPLETED");

    assertThat(handoff).isEnded().hasPassed(PUBLISH_CLOSED, END_REINTEGRATION_CLOSED);
    Assertions.assertThat(types()).containsExactly(REFERRAL_REQUESTED, CLOSED);
    Assertions.assertThat(published.get(1).outcome()).isEqualTo("COMPLETED");
  }

  @Test
  void missedFollowUpReportBecomesAnOfficersTaskAndTheNextFollowUpStillComes() {
    ProcessInstance handoff = referred("RC-FU-2", "P-1", Map.of());
    report(handoff, "SUPPORT_PLAN_AGREED");
    report(handoff, "FOLLOW_UP_ARRIVAL");

    fireTimer(handoff, FOLLOW_UP_REPORT_DUE);

    assertThat(handoff).hasPassed(FOLLOW_UP_REPORT_DUE).isWaitingAt(CHASE_MISSED_FOLLOW_UP);
    assertThat(task(CHASE_MISSED_FOLLOW_UP, handoff)).hasCandidateGroup("AZ-SMS:reintegration-officer");
    Assertions.assertThat(variable(handoff, Variables.FOLLOW_UP_STAGE)).isEqualTo("FOLLOW_UP_3_MONTHS");

    completeTask(handoff, CHASE_MISSED_FOLLOW_UP, Variables.FOLLOW_UP_RESULT, "NOT_REACHED");

    assertThat(handoff).isWaitingAt(AWAIT_FOLLOW_UP_REPORT);
    Assertions.assertThat(variable(handoff, Variables.FOLLOW_UP_STAGE)).isEqualTo("FOLLOW_UP_6_MONTHS");
  }

  @Test
  void providerClosingEarlyLeadsToTheClosureTask() {
    ProcessInstance handoff = referred("RC-FU-3", "P-1", Map.of());
    report(handoff, "ACCEPTED");
    report(handoff, "SUPPORT_PLAN_AGREED");

    report(handoff, "CLOSED");

    assertThat(handoff).isWaitingAt(RECORD_CLOSURE);
    completeTask(handoff, RECORD_CLOSURE, Variables.OUTCOME, "DISCONTINUED");
    assertThat(handoff).isEnded().hasPassed(END_REINTEGRATION_CLOSED);
    Assertions.assertThat(published.get(published.size() - 1).outcome()).isEqualTo("DISCONTINUED");
  }

  @Test
  void vulnerableReturneeIsPrioritised() {
    ProcessInstance victim = referred("RC-FU-4", "P-1", Map.of(Variables.TRAFFICKING_VICTIM, true));
    ProcessInstance child = handedOver("RC-FU-5", "P-2", Map.of(Variables.MINOR, true));
    completeTask(child, RECORD_CONSENT, Variables.CONSENT_GIVEN, true);

    Assertions.assertThat(task(ASSESS_NEEDS, child).getPriority()).isEqualTo(70);
    Assertions.assertThat(variable(victim, Variables.PRIORITY)).isEqualTo("URGENT");
    Assertions.assertThat(published.get(0).priority()).isEqualTo("URGENT");
    Assertions.assertThat(published.get(0).vulnerabilities()).isEqualTo("TRAFFICKING_VICTIM");
    // the provider has two days instead of five
    Assertions.assertThat(timerDue(victim, PROVIDER_ANSWER_DUE)).isEqualTo(RETURNED.plusSeconds(2 * 86400));
  }
}
