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

/**
 * A provider that declines or does not answer in time: the referral is requested again (the next attempt, so the
 * reintegration service leaves out the providers already tried); after the second attempt a supervisor steps in.
 */
class ReintegrationReroutingTest extends ReintegrationHandoffScenario {

  @Test
  void declinedReferralIsReRoutedAsTheNextAttempt() {
    ProcessInstance handoff = referred("RC-RR-1", "P-1", Map.of());

    report(handoff, "DECLINED");

    assertThat(handoff).isWaitingAt(AWAIT_PROVIDER_ANSWER);
    Assertions.assertThat(published).extracting(Published::eventType, Published::attempt)
        .containsExactly(Assertions.tuple(REFERRAL_REQUESTED, 1), Assertions.tuple(REFERRAL_REQUESTED, 2));

    report(handoff, "ACCEPTED");
    assertThat(handoff).isWaitingAt(AWAIT_SUPPORT_PLAN);
  }

  @Test
  void silentProviderIsReRoutedThenEscalatedToASupervisor() {
    ProcessInstance handoff = referred("RC-RR-2", "P-1", Map.of());

    fireTimer(handoff, PROVIDER_ANSWER_DUE);
    assertThat(handoff).isWaitingAt(AWAIT_PROVIDER_ANSWER);
    Assertions.assertThat(published).extracting(Published::attempt).containsExactly(1, 2);

    fireTimer(handoff, PROVIDER_ANSWER_DUE);

    assertThat(handoff).isWaitingAt(ESCALATE_NO_PROVIDER);
    assertThat(task(ESCALATE_NO_PROVIDER, handoff)).hasCandidateGroup("AZ-SMS:supervisor");
    Assertions.assertThat(published).hasSize(2);
  }

  @Test
  void supervisorReferSAgainOrClosesWithoutProvider() {
    ProcessInstance handoff = referred("RC-RR-3", "P-1", Map.of());
    report(handoff, "DECLINED");
    report(handoff, "DECLINED");
    assertThat(handoff).isWaitingAt(ESCALATE_NO_PROVIDER);

    completeTask(handoff, ESCALATE_NO_PROVIDER, Variables.ESCALATION_ACTION, "RETRY");
    Assertions.assertThat(published).extracting(Published::attempt).containsExactly(1, 2, 3);
    report(handoff, "DECLINED");

    completeTask(handoff, ESCALATE_NO_PROVIDER, Variables.ESCALATION_ACTION, "CLOSE");

    assertThat(handoff).isEnded().hasPassed(END_NO_PROVIDER_FOUND);
    Assertions.assertThat(types()).endsWith(CLOSED);
    Assertions.assertThat(published.get(published.size() - 1).outcome()).isEqualTo("NO_PROVIDER");
  }

  @Test
  void reportsOtherThanAnAnswerKeepTheReferralWaiting() {
    ProcessInstance handoff = referred("RC-RR-4", "P-1", Map.of());

    report(handoff, "FOLLOW_UP_ARRIVAL");

    assertThat(handoff).isWaitingAt(AWAIT_PROVIDER_ANSWER);
    Assertions.assertThat(published).hasSize(1);
  }
}
