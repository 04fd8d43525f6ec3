package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.readmission.workflow.ReintegrationHandoffProcess.Activities.*;
import static org.readmission.workflow.ReintegrationHandoffProcess.Events.*;

import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReintegrationHandoffProcess.Variables;

/** Nothing happens without the returnee's consent, and a withdrawal stops everything and restricts the data. */
class ReintegrationConsentTest extends ReintegrationHandoffScenario {

  @Test
  void consentGivenLeadsToAReferralAfterTheNeedsAssessment() {
    ProcessInstance handoff = handedOver("RC-REI-1", "P-1", Map.of());
    assertThat(handoff).isWaitingAt(RECORD_CONSENT);
    assertThat(task(RECORD_CONSENT, handoff)).hasCandidateGroup("AZ-SMS:reintegration-officer");

    completeTask(handoff, RECORD_CONSENT, Variables.CONSENT_GIVEN, true);
    assertThat(handoff).hasPassed(SCREEN_VULNERABILITY).isWaitingAt(ASSESS_NEEDS);
    Assertions.assertThat(published).isEmpty();

    completeTask(handoff, ASSESS_NEEDS, Variables.NEEDS, "HOUSING,LEGAL_DOCUMENTS", Variables.REGION, "Baku");

    assertThat(handoff).hasPassed(PUBLISH_REFERRAL_REQUESTED).isWaitingAt(AWAIT_PROVIDER_ANSWER);
    Assertions.assertThat(published).containsExactly(new ReintegrationHandoffScenario.Published(
        REFERRAL_REQUESTED, "P-1", 1, "STANDARD", "HOUSING,LEGAL_DOCUMENTS", "", null));
    Assertions.assertThat(timerDue(handoff, PROVIDER_ANSWER_DUE)).isEqualTo(RETURNED.plusSeconds(5 * 86400));
  }

  @Test
  void consentRefusedEndsTheHandoffWithoutAReferral() {
    ProcessInstance handoff = handedOver("RC-REI-2", "P-1", Map.of());

    completeTask(handoff, RECORD_CONSENT, Variables.CONSENT_GIVEN, false);

    assertThat(handoff).isEnded().hasPassed(END_CONSENT_REFUSED).hasNotPassed(SCREEN_VULNERABILITY, ASSESS_NEEDS);
    Assertions.assertThat(published).isEmpty();
  }

  @Test
  void consentWithdrawnMidWayStopsTheHandoffPublishesTheWithdrawalAndErasesTheNeeds() {
    ProcessInstance handoff = referred("RC-REI-3", "P-1", Map.of(Variables.MINOR, true));
    report(handoff, "ACCEPTED");
    assertThat(handoff).isWaitingAt(AWAIT_SUPPORT_PLAN);

    withdrawConsent(handoff);

    assertThat(handoff).isEnded().hasPassed(CONSENT_WITHDRAWAL, PUBLISH_CONSENT_WITHDRAWN, END_CONSENT_WITHDRAWN)
        .hasNotPassed(END_REINTEGRATION_CLOSED);
    Assertions.assertThat(types()).containsExactly(REFERRAL_REQUESTED, CONSENT_WITHDRAWN);
    Assertions.assertThat(published.get(1).personId()).isEqualTo("P-1");
    Assertions.assertThat(variable(handoff, Variables.OUTCOME)).isEqualTo("CONSENT_WITHDRAWN");
  }

  @Test
  void withdrawalErasesNeedsRegionAndVulnerabilitiesFromTheRunningProcess() {
    ProcessInstance handoff = referred("RC-REI-4", "P-2", Map.of(Variables.HEALTH_NEEDS, true));
    Assertions.assertThat(hasVariable(handoff, Variables.NEEDS)).isTrue();
    // a second person of the same case keeps going
    ProcessInstance sibling = referred("RC-REI-4", "P-3", Map.of());

    withdrawConsent(handoff);

    assertThat(handoff).isEnded();
    Assertions.assertThat(remainingVariableNames(handoff)).doesNotContain(Variables.NEEDS, Variables.REGION,
        Variables.VULNERABILITIES);
    assertThat(sibling).isWaitingAt(AWAIT_PROVIDER_ANSWER);
  }

  /** Variables still alive in the history's view at the end (removed variables are marked deleted). */
  private java.util.List<String> remainingVariableNames(ProcessInstance handoff) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
        .createHistoricVariableInstanceQuery().processInstanceId(handoff.getId()).list().stream()
        .filter(v -> !"DELETED".equals(v.getState()))
        .map(org.camunda.bpm.engine.history.HistoricVariableInstance::getName).toList();
  }
}
