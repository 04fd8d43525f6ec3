package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;

import java.time.Instant;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.readmission.workflow.PersonalDataCorrectionProcess.Activities;
import org.readmission.workflow.PersonalDataCorrectionProcess.Events;
import org.readmission.workflow.PersonalDataCorrectionProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * The party that sent a person's data corrects it: a process of its own, beside the case's process or after it ended,
 * puts the correction in the case file and tells the other party (PersonalDataRectified); the case does not move.
 */
class PersonalDataCorrectionTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void aCorrectionWhileTheDecisionIsPendingIsRecordedAndPassedOnWithoutMovingTheCase() throws Exception {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-CO-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);

    ProcessInstance correction = correct(case_.getBusinessKey());

    Mockito.verify(recordCorrection, times(1)).execute(any(DelegateExecution.class));
    assertThat(correction).isEnded().hasPassedInOrder(Activities.RECORD_CORRECTION,
        Activities.PUBLISH_PERSONAL_DATA_RECTIFIED, Activities.END_PERSONAL_DATA_RECTIFIED);
    Assertions.assertThat(correction.getBusinessKey()).isEqualTo("RC-CO-1");
    Assertions.assertThat(published.types()).endsWith(Events.PERSONAL_DATA_RECTIFIED);
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
  }

  @Test
  void aCaseWhoseProcessEndedIsCorrectedAllTheSame() throws Exception {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-CO-2", RECEIVED));
    receive(case_, ReadmissionCaseProcess.Messages.APPLICATION_WITHDRAWN);
    assertThat(case_).isEnded();

    ProcessInstance correction = correct(case_.getBusinessKey());

    Mockito.verify(recordCorrection, times(1)).execute(any(DelegateExecution.class));
    assertThat(correction).isEnded().hasPassed(Activities.END_PERSONAL_DATA_RECTIFIED);
    Assertions.assertThat(published.types()).endsWith(Events.PERSONAL_DATA_RECTIFIED);
  }

  /** The engine host starts the correction by its message, with the case id as business key. */
  ProcessInstance correct(String caseId) {
    return runtimeService().createMessageCorrelation(Messages.PERSONAL_DATA_CORRECTED).processInstanceBusinessKey(caseId)
        .setVariable(Variables.CASE_ID, caseId).correlateStartMessage();
  }
}
