package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** Germany asks Azerbaijan to readmit a national with a passport; Azerbaijan approves; the person is transferred. */
class NormalApprovalTest extends ReadmissionCaseScenario {

  /** Monday 2 March 2026, 10:00 in Baku. */
  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void approvedApplicationEndsWithTheTransferAndAReferralToReintegration() throws Exception {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-NORMAL-1", RECEIVED));

    assertThat(case_).hasPassed(REGISTER_CASE, CLASSIFY_EVIDENCE, COMPUTE_REPLY_DEADLINE)
        .isWaitingAt(AWAIT_VERIFICATION_RESULT);
    Mockito.verify(registerCase, Mockito.times(1)).execute(Mockito.any());
    Assertions.assertThat(variable(case_, Variables.EVIDENCE_SUMMARY)).isEqualTo("PROOF");
    // 15 calendar days from Monday 2 March: Tuesday 17 March, end of the day in Baku
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-03-17T19:59:59Z");
    Assertions.assertThat((String) variable(case_, Variables.REPLY_DEADLINE_EXPLANATION))
        .contains("15 calendar days from confirmed receipt", "eu-az/1", "Asia/Baku");

    verifyEveryPerson(case_, "CONFIRMED");
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(timerDue(case_, REPLY_DEADLINE)).isEqualTo("2026-03-17T19:59:59Z");
    // reminder when the 2nd working day before the last day begins (Friday 13 March), escalation on the last day
    Assertions.assertThat(timerDue(case_, REPLY_REMINDER)).isEqualTo("2026-03-12T20:00:00Z");
    Assertions.assertThat(timerDue(case_, ESCALATE_AT_DEADLINE)).isEqualTo("2026-03-16T20:00:00Z");

    // Tuesday 10 March, noon in Baku: Azerbaijan's decision arrives from its system
    setClock(Instant.parse("2026-03-10T08:00:00Z"));
    receive(case_, Messages.DECISION_SUBMITTED, Map.of(Variables.DECISION, "APPROVED"));

    assertThat(case_).hasPassed(DECISION_RECEIVED).isWaitingAt(ISSUE_TRAVEL_DOCUMENT);
    // 5 working days after Tuesday 10 March: Wed 11, Thu 12, Fri 13, Mon 16, Tue 17 March
    Assertions.assertThat(instant(case_, Variables.TRAVEL_DOCUMENT_DUE_AT)).isEqualTo("2026-03-17T19:59:59Z");
    // 3 months after approval: 10 June
    Assertions.assertThat(instant(case_, Variables.TRANSFER_DUE_AT)).isEqualTo("2026-06-10T19:59:59Z");
    Assertions.assertThat(timerDue(case_, TRANSFER_DEADLINE)).isEqualTo("2026-06-10T19:59:59Z");

    completeTask(case_, ISSUE_TRAVEL_DOCUMENT);
    assertThat(case_).isWaitingAt(AWAIT_TRANSFER_PROPOSAL, PROPOSE_TRANSFER);

    receive(case_, Messages.TRANSFER_PROPOSED,
        Map.of(Variables.TRANSFER_SCHEDULED_AT, java.util.Date.from(Instant.parse("2026-04-02T10:00:00Z"))));
    // whichever comes first: the partner's proposal closes the officer's task
    assertThat(case_).hasPassed("EndEvent_ProposalReceived").hasNotPassed("EndEvent_ProposalEntered")
        .isNotWaitingAt(PROPOSE_TRANSFER)
        .isWaitingAt(AWAIT_TRANSFER_CONFIRMATION, CONFIRM_TRANSFER);

    completeTask(case_, CONFIRM_TRANSFER);
    assertThat(case_).hasPassed("EndEvent_ConfirmationEntered", HOLD_CLEARED)
        .isNotWaitingAt(AWAIT_TRANSFER_CONFIRMATION)
        .isWaitingAt(CONFIRM_HANDOVER);

    completeTask(case_, CONFIRM_HANDOVER);
    assertThat(case_).isEnded().hasPassed(END_PERSON_TRANSFERRED);
    Assertions.assertThat(variable(case_, Variables.OUTCOME)).isEqualTo("TRANSFERRED");
    // the returned person's reintegration handoff runs on after the case has closed, and waits for consent
    ProcessInstance handoff = runtimeService().createProcessInstanceQuery()
        .processDefinitionKey(ReintegrationHandoffProcess.PROCESS_KEY).processInstanceBusinessKey(case_.getBusinessKey())
        .singleResult();
    assertThat(handoff).isWaitingAt(ReintegrationHandoffProcess.Activities.RECORD_CONSENT);
    Assertions.assertThat(runtimeService().getVariables(handoff.getId())).containsKeys("caseId", "personId",
        "requestingParty", "requestedParty", "returnedAt").doesNotContainKeys("givenNames", "surname");
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED,
        READMISSION_DECIDED, TRAVEL_DOCUMENT_ISSUED, TRANSFER_SCHEDULED,
        TRANSFER_COMPLETED, CASE_CLOSED);
  }

  @Test
  void officerCanDecideInTheTaskInsteadOfThePartnersSystem() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-NORMAL-2", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");

    completeTask(case_, DECIDE_ON_APPLICATION, Variables.DECISION, "PARTIALLY_APPROVED");

    assertThat(case_).hasNotPassed(DECISION_RECEIVED).isWaitingAt(ISSUE_TRAVEL_DOCUMENT);
    Assertions.assertThat(published.last().eventType()).isEqualTo(READMISSION_DECIDED);
  }
}
