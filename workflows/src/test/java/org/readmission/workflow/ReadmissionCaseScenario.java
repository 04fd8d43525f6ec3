package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.readmission.workflow.Applications.Application;
import org.readmission.workflow.ReadmissionCaseProcess.Beans;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/**
 * Drives {@code readmission-case} on a plain in-memory engine: the rule delegates are the real ones, the engine host's
 * beans are stand-ins ({@code registerCase} is a Mockito mock, {@code publishCaseEvent} records what it is asked to
 * publish). The job executor is off:
 * asynchronous publishing steps run with {@link #runAsyncSteps()}, timers only when a test fires them.
 */
@Deployment(resources = {ReadmissionCaseProcess.RESOURCE, ReintegrationHandoffProcess.RESOURCE,
    PersonalDataCorrectionProcess.RESOURCE})
abstract class ReadmissionCaseScenario {

  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-unittest.cfg.xml")
      .build();

  static final Deadlines DEADLINES = new Deadlines(AgreementProfile.euAzerbaijan());
  static final EvidenceClassification CLASSIFICATION = EvidenceClassification.fromClasspath();

  final JavaDelegate registerCase = Mockito.mock(JavaDelegate.class);
  final JavaDelegate recordCorrection = Mockito.mock(JavaDelegate.class);
  final RecordingEventPublisher published = new RecordingEventPublisher();
  final Map<String, List<Evidence>> evidenceOnFile = new HashMap<>();

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register(Beans.REGISTER_CASE, registerCase);
    Mocks.register(PersonalDataCorrectionProcess.Beans.RECORD_CORRECTION, recordCorrection);
    Mocks.register(Beans.PUBLISH_CASE_EVENT, published);
    Mocks.register(Beans.CLASSIFY_EVIDENCE,
        new ClassifyEvidence(CLASSIFICATION, caseId -> evidenceOnFile.getOrDefault(caseId, List.of())));
    Mocks.register(Beans.COMPUTE_REPLY_DEADLINE, new ComputeReplyDeadline(DEADLINES));
    Mocks.register(Beans.COMPUTE_TRAVEL_DOCUMENT_DEADLINE, ComputeDeadlineAfterApproval.travelDocument(DEADLINES));
    Mocks.register(Beans.COMPUTE_TRANSFER_DEADLINE, ComputeDeadlineAfterApproval.transfer(DEADLINES));
    Mocks.register(Beans.COMPUTE_INTERVIEW_DEADLINE, new ComputeInterviewDeadline(DEADLINES));
    Mocks.register(Beans.START_REINTEGRATION_HANDOFF, StartReintegrationHandoff.allPersons());
  }

  @AfterEach
  void resetClockAndBeans() {
    ClockUtil.reset();
    Mocks.reset();
  }

  /** The gateway's command opens the case at the moment of confirmed receipt. */
  ProcessInstance open(Application application) {
    ClockUtil.setCurrentTime(Date.from(application.receivedAt()));
    evidenceOnFile.put(application.caseId(), application.evidence());
    ProcessInstance case_ = runtimeService().createMessageCorrelation(Messages.OPEN_CASE)
        .processInstanceBusinessKey(application.caseId())
        .setVariables(application.startVariables())
        .correlateStartMessage();
    runAsyncSteps();
    return case_;
  }

  /** Opened, verified and approved by the requested party's system. */
  ProcessInstance approved(Application application) {
    ProcessInstance case_ = open(application);
    verifyEveryPerson(case_, "CONFIRMED");
    receive(case_, Messages.DECISION_SUBMITTED, Map.of(Variables.DECISION, ReadmissionCaseProcess.Decisions.APPROVED));
    return case_;
  }

  /** Travel document issued, transfer proposed by the officer and confirmed by the partner's system. */
  void scheduleTransfer(ProcessInstance case_) {
    completeTask(case_, ReadmissionCaseProcess.Activities.ISSUE_TRAVEL_DOCUMENT);
    completeTask(case_, ReadmissionCaseProcess.Activities.PROPOSE_TRANSFER,
        Variables.TRANSFER_SCHEDULED_AT, Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(14 * 86400)));
    receive(case_, Messages.TRANSFER_CONFIRMED);
  }

  /** Identity verification answers for every person still waiting. */
  void verifyEveryPerson(ProcessInstance case_, String outcome) {
    for (String personId : personsAwaitingVerification(case_)) {
      verify(case_, personId, outcome);
    }
  }

  void verify(ProcessInstance case_, String personId, String outcome) {
    runtimeService().createMessageCorrelation(Messages.VERIFICATION_COMPLETED)
        .processInstanceBusinessKey(case_.getBusinessKey())
        .localVariableEquals(Variables.PERSON_ID, personId)
        .setVariableLocal(Variables.VERIFICATION_OUTCOME, outcome)
        .correlate();
    runAsyncSteps();
  }

  List<String> personsAwaitingVerification(ProcessInstance case_) {
    return runtimeService().createExecutionQuery()
        .processInstanceId(case_.getId())
        .activityId(ReadmissionCaseProcess.Activities.AWAIT_VERIFICATION_RESULT)
        .list().stream()
        .map(execution -> (String) runtimeService().getVariableLocal(execution.getId(), Variables.PERSON_ID))
        .sorted()
        .toList();
  }

  /** A partner's event arrives and is correlated by business key, as the engine host's inbox does. */
  void receive(ProcessInstance case_, String messageName, Map<String, Object> variables) {
    runtimeService().createMessageCorrelation(messageName)
        .processInstanceBusinessKey(case_.getBusinessKey())
        .setVariables(variables)
        .correlate();
    runAsyncSteps();
  }

  void receive(ProcessInstance case_, String messageName) {
    receive(case_, messageName, Map.of());
  }

  /** An officer completes a task. */
  void completeTask(ProcessInstance case_, String taskId, Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    complete(task(taskId, case_), variables);
    runAsyncSteps();
  }

  /** The timer's moment comes: the clock moves there and the timer fires. */
  void fireTimer(ProcessInstance case_, String activityId) {
    Job timer = timer(case_, activityId);
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    managementService().executeJob(timer.getId());
    runAsyncSteps();
  }

  Job timer(ProcessInstance case_, String activityId) {
    return managementService().createJobQuery()
        .processInstanceId(case_.getId())
        .timers()
        .activityId(activityId)
        .singleResult();
  }

  Instant timerDue(ProcessInstance case_, String activityId) {
    return timer(case_, activityId).getDuedate().toInstant();
  }

  void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  /** Runs every asynchronous step that is due (e.g. starting the reintegration handoffs), as the job executor would. */
  void runAsyncSteps() {
    for (int i = 0; i < 200; i++) {
      List<Job> jobs = managementService().createJobQuery().messages().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      managementService().executeJob(jobs.get(0).getId());
    }
    throw new IllegalStateException("Asynchronous steps keep coming: is there a loop in the model?");
  }

  /** A case-level variable, while the case runs or after it ended. */
  Object variable(ProcessInstance case_, String name) {
    return BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(case_.getId())
        .activityInstanceIdIn(case_.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  Instant instant(ProcessInstance case_, String name) {
    return ((Date) variable(case_, name)).toInstant();
  }
}
