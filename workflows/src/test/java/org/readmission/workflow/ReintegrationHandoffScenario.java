package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readmission.workflow.ReintegrationHandoffProcess.Activities;
import org.readmission.workflow.ReintegrationHandoffProcess.Beans;
import org.readmission.workflow.ReintegrationHandoffProcess.Messages;
import org.readmission.workflow.ReintegrationHandoffProcess.Variables;

/**
 * Drives {@code reintegration-handoff} on a plain in-memory engine, as the readmission case's call activity starts it
 * (one instance per returned person, business key = case id). The rule delegates are the real ones; the engine host's
 * publisher records what it is asked to publish. Job executor off: publishing steps run with {@link #runAsyncSteps()},
 * timers only when a test fires them.
 */
@Deployment(resources = ReintegrationHandoffProcess.RESOURCE)
abstract class ReintegrationHandoffScenario {

  static final Instant RETURNED = Instant.parse("2026-05-04T08:00:00Z");

  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-unittest.cfg.xml")
      .build();

  /** One event the process asked the host to publish, with the variables the host builds it from. */
  record Published(String eventType, String personId, Integer attempt, String priority, String needs,
                   String vulnerabilities, String outcome) {
  }

  final List<Published> published = new ArrayList<>();

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register(Beans.PUBLISH_CASE_EVENT, (JavaDelegate) this::record);
    Mocks.register(Beans.SCREEN_VULNERABILITY, new ScreenVulnerability(VulnerabilityScreening.fromClasspath()));
    Mocks.register(Beans.SCHEDULE_FOLLOW_UP, new ScheduleFollowUp());
    ClockUtil.setCurrentTime(Date.from(RETURNED));
  }

  @AfterEach
  void resetClockAndBeans() {
    ClockUtil.reset();
    Mocks.reset();
  }

  private void record(DelegateExecution execution) {
    published.add(new Published((String) execution.getVariable(Variables.EVENT_TYPE),
        (String) execution.getVariable(Variables.PERSON_ID), attempt(execution),
        (String) execution.getVariable(Variables.PRIORITY), (String) execution.getVariable(Variables.NEEDS),
        (String) execution.getVariable(Variables.VULNERABILITIES), (String) execution.getVariable(Variables.OUTCOME)));
  }

  private static Integer attempt(DelegateExecution execution) {
    Object attempt = execution.getVariable(Variables.REFERRAL_ATTEMPT);
    return attempt == null ? null : ((Number) attempt).intValue();
  }

  /** The readmission case hands one person over (the call activity's inputs: ids and routing values only). */
  ProcessInstance handedOver(String caseId, String personId, Map<String, Object> screening) {
    Map<String, Object> variables = new HashMap<>(screening);
    variables.put(Variables.CASE_ID, caseId);
    variables.put(Variables.PERSON_ID, personId);
    variables.put(Variables.REQUESTING_PARTY, "DE-BPOL");
    variables.put(Variables.REQUESTED_PARTY, "AZ-SMS");
    variables.put(Variables.RETURNED_AT, Date.from(RETURNED));
    ProcessInstance handoff = runtimeService().startProcessInstanceByKey(ReintegrationHandoffProcess.PROCESS_KEY, caseId, variables);
    runAsyncSteps();
    return handoff;
  }

  /** Consent given, needs assessed: the first referral is requested. */
  ProcessInstance referred(String caseId, String personId, Map<String, Object> screening) {
    ProcessInstance handoff = handedOver(caseId, personId, screening);
    completeTask(handoff, Activities.RECORD_CONSENT, Variables.CONSENT_GIVEN, true);
    completeTask(handoff, Activities.ASSESS_NEEDS, Variables.NEEDS, "HOUSING,EMPLOYMENT", Variables.REGION, "Ganja-Dashkasan");
    return handoff;
  }

  /** A provider's report arrives on reintegration.updates; the host correlates it by case id and person. */
  void report(ProcessInstance handoff, String stage) {
    runtimeService().createMessageCorrelation(Messages.PROGRESS_REPORTED)
        .processInstanceBusinessKey(handoff.getBusinessKey())
        .processInstanceVariableEquals(Variables.PERSON_ID, runtimeService().getVariable(handoff.getId(), Variables.PERSON_ID))
        .setVariable(Variables.PROVIDER_STAGE, stage)
        .setVariable(Variables.PROVIDER_PARTY, "AZ-EURP-GANJA")
        .correlate();
    runAsyncSteps();
  }

  void withdrawConsent(ProcessInstance handoff) {
    runtimeService().createMessageCorrelation(Messages.CONSENT_WITHDRAWN)
        .processInstanceBusinessKey(handoff.getBusinessKey())
        .processInstanceVariableEquals(Variables.PERSON_ID, runtimeService().getVariable(handoff.getId(), Variables.PERSON_ID))
        .correlate();
    runAsyncSteps();
  }

  void completeTask(ProcessInstance handoff, String taskId, Object... keysAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      variables.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    complete(task(taskId, handoff), variables);
    runAsyncSteps();
  }

  void fireTimer(ProcessInstance handoff, String activityId) {
    Job timer = timer(handoff, activityId);
    if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(timer.getDuedate());
    }
    managementService().executeJob(timer.getId());
    runAsyncSteps();
  }

  Job timer(ProcessInstance handoff, String activityId) {
    return managementService().createJobQuery().processInstanceId(handoff.getId()).timers().activityId(activityId)
        .singleResult();
  }

  Instant timerDue(ProcessInstance handoff, String activityId) {
    return timer(handoff, activityId).getDuedate().toInstant();
  }

  void runAsyncSteps() {
    for (int i = 0; i < 100; i++) {
      List<Job> jobs = managementService().createJobQuery().messages().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      managementService().executeJob(jobs.get(0).getId());
    }
    throw new IllegalStateException("Asynchronous steps keep coming: is there a loop in the model?");
  }

  List<String> types() {
    return published.stream().map(Published::eventType).toList();
  }

  Object variable(ProcessInstance handoff, String name) {
    return BpmnAwareTests.historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(handoff.getId()).variableName(name).singleResult().getValue();
  }

  boolean hasVariable(ProcessInstance handoff, String name) {
    return runtimeService().createVariableInstanceQuery().processInstanceIdIn(handoff.getId()).variableName(name)
        .count() > 0;
  }
}
