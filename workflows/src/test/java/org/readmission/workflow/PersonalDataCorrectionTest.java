package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import org.mockito.Mockito;

import java.time.Instant;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;

/**
 * The party that sent a person's data corrects it: whatever the case is doing, the case file takes the correction and
 * the other party is told (PersonalDataRectified); the case goes on where it was.
 */
class PersonalDataCorrectionTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void aCorrectionWhileTheDecisionIsPendingIsRecordedAndPassedOnWithoutMovingTheCase() throws Exception {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-CO-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);

    receive(case_, Messages.PERSONAL_DATA_CORRECTED);

    Mockito.verify(recordCorrection, times(1)).execute(any(DelegateExecution.class));
    assertThat(case_).hasPassed(RECORD_CORRECTION).isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(published.types()).endsWith(PERSONAL_DATA_RECTIFIED);
  }

  @Test
  void twoCorrectionsDuringVerificationAreEachPassedOn() throws Exception {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-CO-2", RECEIVED));
    assertThat(case_).isWaitingAt(AWAIT_VERIFICATION_RESULT);

    receive(case_, Messages.PERSONAL_DATA_CORRECTED);
    receive(case_, Messages.PERSONAL_DATA_CORRECTED);

    Mockito.verify(recordCorrection, times(2)).execute(any(DelegateExecution.class));
    Assertions.assertThat(published.types().stream().filter(PERSONAL_DATA_RECTIFIED::equals)).hasSize(2);
    assertThat(case_).isWaitingAt(AWAIT_VERIFICATION_RESULT);
  }
}
