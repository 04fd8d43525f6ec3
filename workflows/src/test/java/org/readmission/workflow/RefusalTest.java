package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** Azerbaijan refuses: the decision is published and the case closes as REFUSED. */
class RefusalTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void refusalFromThePartnersSystemClosesTheCase() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-REF-1", RECEIVED));
    verifyEveryPerson(case_, "NOT_CONFIRMED");

    receive(case_, Messages.DECISION_SUBMITTED, Map.of(
        Variables.DECISION, "REFUSED", Variables.REFUSAL_REASONS, "NATIONALITY_NOT_ESTABLISHED"));

    assertThat(case_).hasPassed(DECISION_RECEIVED, "ServiceTask_PublishRefusal", "ServiceTask_PublishClosedRefused")
        .hasNotPassed(ISSUE_TRAVEL_DOCUMENT)
        .isEnded().hasPassed(END_APPLICATION_REFUSED);
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, READMISSION_DECIDED, CASE_CLOSED);
    Assertions.assertThat(published.last().outcome()).isEqualTo("REFUSED");
    Assertions.assertThat(variable(case_, Variables.OUTCOME)).isEqualTo("REFUSED");
    Assertions.assertThat(variable(case_, Variables.REFUSAL_REASONS)).isEqualTo("NATIONALITY_NOT_ESTABLISHED");
  }

  @Test
  void refusalByTheOfficerEndsEverythingStillOpenOnTheCase() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-REF-2", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    fireTimer(case_, ESCALATE_AT_DEADLINE);
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION, ESCALATE_OVERDUE_REPLY);

    completeTask(case_, DECIDE_ON_APPLICATION, Variables.DECISION, "REFUSED",
        Variables.REFUSAL_REASONS, "CONDITIONS_NOT_MET", Variables.MOTIVATION, "Not a national");

    // the refusal is the end of the case: the supervisor's escalation is closed with it
    assertThat(case_).isEnded().hasPassed(END_APPLICATION_REFUSED).hasNotPassed("EndEvent_OverdueReplyEscalated");
    Assertions.assertThat(published.types()).endsWith(READMISSION_DECIDED, CASE_CLOSED);
  }
}
