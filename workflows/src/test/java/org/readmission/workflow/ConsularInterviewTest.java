package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * Identity verification found no or disputed evidence: the requested state's consulate interviews the person, within
 * the profile's target (10 working days), and the interview's outcome completes that person's verification.
 */
class ConsularInterviewTest extends ReadmissionCaseScenario {

  // Monday 2 March 2026, 09:00 in Baku
  static final Instant RECEIVED = Instant.parse("2026-03-02T05:00:00Z");

  @Test
  void interviewRequiredLeadsToAnInterviewWhoseOutcomeCompletesTheVerification() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-INT-1", RECEIVED));
    verify(case_, "P1", "CONFIRMED");
    verify(case_, "P2", "CONFIRMED");
    verify(case_, "P3", "INTERVIEW_REQUIRED");

    assertThat(case_).isWaitingAt(SCHEDULE_INTERVIEW).isNotWaitingAt(DECIDE_ON_APPLICATION);
    Task schedule = task(SCHEDULE_INTERVIEW, case_);
    assertThat(schedule).hasCandidateGroup("AZ-SMS:consular-officer");
    // 10 working days of Azerbaijan counted from the day after the request: Tuesday 3 to Monday 16 March, end of day in Baku
    Assertions.assertThat(schedule.getDueDate().toInstant()).isEqualTo("2026-03-16T19:59:59Z");
    Assertions.assertThat(taskService().getVariable(schedule.getId(), Variables.INTERVIEW + "DeadlineExplanation"))
        .asString().contains("working days");

    Instant interviewAt = Instant.parse("2026-03-10T08:00:00Z");
    completeTask(case_, SCHEDULE_INTERVIEW, Variables.INTERVIEW_SCHEDULED_AT, Date.from(interviewAt),
        Variables.INTERVIEW_PLACE, "Consulate of Azerbaijan, Amsterdam");

    Assertions.assertThat(published.all()).filteredOn(e -> e.eventType().equals(INTERVIEW_SCHEDULED))
        .extracting(RecordingEventPublisher.Published::personId).containsExactly("P3");
    Task record = task(RECORD_INTERVIEW_OUTCOME, case_);
    Assertions.assertThat(record.getDueDate().toInstant()).isEqualTo(interviewAt);

    completeTask(case_, RECORD_INTERVIEW_OUTCOME, Variables.INTERVIEW_OUTCOME, "CONFIRMED",
        Variables.INTERVIEW_FINDINGS, "speaks the Ganja dialect, knows his school and neighbourhood");

    Assertions.assertThat(published.all()).filteredOn(e -> e.eventType().equals(INTERVIEW_HELD))
        .extracting(RecordingEventPublisher.Published::personId).containsExactly("P3");
    assertThat(case_).hasPassed(PUBLISH_INTERVIEW_HELD, END_PERSON_VERIFIED).isWaitingAt(DECIDE_ON_APPLICATION);
  }

  @Test
  void eachPersonKeepsTheirOwnInterview() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-INT-2", RECEIVED));
    verify(case_, "P1", "CONFIRMED");
    verify(case_, "P2", "INTERVIEW_REQUIRED");
    verify(case_, "P3", "INTERVIEW_REQUIRED");
    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(case_.getId())
        .taskDefinitionKey(SCHEDULE_INTERVIEW).count()).isEqualTo(2);

    Task first = taskService().createTaskQuery().processInstanceId(case_.getId()).taskDefinitionKey(SCHEDULE_INTERVIEW)
        .list().get(0);
    Task second = taskService().createTaskQuery().processInstanceId(case_.getId()).taskDefinitionKey(SCHEDULE_INTERVIEW)
        .list().get(1);
    taskService().complete(first.getId(), Map.of(Variables.INTERVIEW_SCHEDULED_AT, Date.from(Instant.parse("2026-03-10T08:00:00Z")),
        Variables.INTERVIEW_PLACE, "Amsterdam"));
    taskService().complete(second.getId(), Map.of(Variables.INTERVIEW_SCHEDULED_AT, Date.from(Instant.parse("2026-03-12T08:00:00Z")),
        Variables.INTERVIEW_PLACE, "Rotterdam"));
    runAsyncSteps();

    Assertions.assertThat(taskService().createTaskQuery().processInstanceId(case_.getId())
            .taskDefinitionKey(RECORD_INTERVIEW_OUTCOME).list())
        .extracting(t -> t.getDueDate().toInstant())
        .containsExactlyInAnyOrder(Instant.parse("2026-03-10T08:00:00Z"), Instant.parse("2026-03-12T08:00:00Z"));
    Assertions.assertThat(published.all()).filteredOn(e -> e.eventType().equals(INTERVIEW_SCHEDULED))
        .extracting(RecordingEventPublisher.Published::personId).containsExactlyInAnyOrder("P2", "P3");
  }

  @Test
  void anInterviewThatDoesNotConfirmNationalityStillCompletesTheVerification() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-INT-3", RECEIVED));
    verify(case_, "P1", "CONFIRMED");
    verify(case_, "P2", "CONFIRMED");
    verify(case_, "P3", "INTERVIEW_REQUIRED");
    completeTask(case_, SCHEDULE_INTERVIEW, Variables.INTERVIEW_SCHEDULED_AT, Date.from(Instant.parse("2026-03-10T08:00:00Z")),
        Variables.INTERVIEW_PLACE, "Amsterdam");
    completeTask(case_, RECORD_INTERVIEW_OUTCOME, Variables.INTERVIEW_OUTCOME, "NOT_CONFIRMED");

    assertThat(case_).isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(verificationOutcomesRecorded(case_)).contains("NOT_CONFIRMED");
  }

  @Test
  void theReplyTimeLimitRunsOutWhileStillVerifying() {
    ProcessInstance case_ = open(Applications.familyOfThree("RC-INT-4", RECEIVED));
    verify(case_, "P3", "INTERVIEW_REQUIRED");

    fireTimer(case_, REPLY_DEADLINE_DURING_VERIFICATION);

    assertThat(case_).hasPassed(REPLY_DEADLINE_DURING_VERIFICATION).isWaitingAt(REVIEW_EXPIRED_REPLY)
        .isNotWaitingAt(SCHEDULE_INTERVIEW, AWAIT_VERIFICATION_RESULT);
    Assertions.assertThat(published.types()).contains(REPLY_TIME_LIMIT_EXPIRED);
  }

  private List<Object> verificationOutcomesRecorded(ProcessInstance case_) {
    return historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(case_.getId()).variableName(Variables.VERIFICATION_OUTCOME).list().stream()
        .map(v -> (Object) v.getValue()).toList();
  }
}
