package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.readmission.workflow.TransitRequestProcess.Activities.*;
import static org.readmission.workflow.TransitRequestProcess.Events.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.readmission.workflow.TransitRequestProcess.Messages;
import org.readmission.workflow.TransitRequestProcess.Variables;

/** Transit through Azerbaijan when direct return is impossible: checked against the refusal grounds, revocable. */
@Deployment(resources = {TransitRequestProcess.RESOURCE, TransitRequestProcess.REFUSAL_GROUNDS_RESOURCE})
class TransitRequestTest {

  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-unittest.cfg.xml")
      .build();

  final RecordingEventPublisher published = new RecordingEventPublisher();

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register(ReadmissionCaseProcess.Beans.PUBLISH_CASE_EVENT, published);
  }

  @AfterEach
  void resetBeans() {
    Mocks.reset();
  }

  @Test
  void authorisedTransitIsCompleted() {
    ProcessInstance transit = request("TR-1", Map.of());

    assertThat(transit).hasPassed(CHECK_REFUSAL_GROUNDS).isWaitingAt(DECIDE_ON_TRANSIT);
    assertThat(task(DECIDE_ON_TRANSIT, transit)).hasCandidateGroup("AZ-SMS:case-officer");
    Assertions.assertThat(runtimeService().getVariable(transit.getId(), Variables.REFUSAL_GROUND)).isEqualTo("NONE");

    decide(transit, "AUTHORISED");
    assertThat(transit).isWaitingAt(CONFIRM_TRANSIT_COMPLETED);
    assertThat(task(CONFIRM_TRANSIT_COMPLETED, transit)).hasCandidateGroup("DE-BPOL:escort-officer");

    complete(task(CONFIRM_TRANSIT_COMPLETED, transit));
    runAsyncSteps();
    assertThat(transit).isEnded().hasPassed(END_TRANSIT_COMPLETED);
    Assertions.assertThat(published.types()).containsExactly(TRANSIT_AUTHORISED, TRANSIT_COMPLETED);
  }

  @Test
  void rulesNameTheMostSeriousGroundAndTheOfficerRefuses() {
    ProcessInstance transit = request("TR-2", Map.of(
        Variables.CRIMINAL_SANCTIONS_PENDING, true, Variables.RISK_OF_PERSECUTION, true));

    Assertions.assertThat(runtimeService().getVariable(transit.getId(), Variables.REFUSAL_GROUND))
        .isEqualTo("RISK_OF_PERSECUTION");

    decide(transit, "REFUSED");
    assertThat(transit).isEnded().hasPassed(END_TRANSIT_REFUSED).hasNotPassed(CONFIRM_TRANSIT_COMPLETED);
    Assertions.assertThat(published.types()).containsExactly(TRANSIT_REFUSED);
  }

  @Test
  void authorisationCanBeRevokedUntilTheTransitIsCompleted() {
    ProcessInstance transit = request("TR-3", Map.of());
    decide(transit, "AUTHORISED");

    runtimeService().correlateMessage(Messages.REVOCATION_SUBMITTED, "TR-3");
    runAsyncSteps();

    assertThat(transit).isEnded().hasPassed(REVOCATION_RECEIVED, END_AUTHORISATION_REVOKED)
        .hasNotPassed(END_TRANSIT_COMPLETED);
    Assertions.assertThat(published.types()).containsExactly(TRANSIT_AUTHORISED, AUTHORISATION_REVOKED);
  }

  @Test
  void eachGroundOfTheAgreementIsFound() {
    Map<String, String> groundByInput = Map.of(
        Variables.RISK_OF_TORTURE_OR_INHUMAN_TREATMENT, "RISK_OF_TORTURE_OR_INHUMAN_TREATMENT",
        Variables.RISK_OF_DEATH_PENALTY, "RISK_OF_DEATH_PENALTY",
        Variables.RISK_OF_PERSECUTION, "RISK_OF_PERSECUTION",
        Variables.CRIMINAL_SANCTIONS_PENDING, "PENDING_CRIMINAL_SANCTIONS",
        Variables.PUBLIC_HEALTH_SECURITY_OR_ORDER_THREAT, "PUBLIC_HEALTH_SECURITY_OR_ORDER");
    int n = 0;
    for (Map.Entry<String, String> ground : groundByInput.entrySet()) {
      ProcessInstance transit = request("TR-G" + n++, Map.of(ground.getKey(), true));
      Assertions.assertThat(runtimeService().getVariable(transit.getId(), Variables.REFUSAL_GROUND))
          .as(ground.getKey()).isEqualTo(ground.getValue());
    }
  }

  ProcessInstance request(String transitRequestId, Map<String, Object> grounds) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.TRANSIT_REQUEST_ID, transitRequestId);
    variables.put(Variables.REQUESTING_PARTY, "DE-BPOL");
    variables.put(Variables.REQUESTED_PARTY, "AZ-SMS");
    for (String input : List.of(Variables.RISK_OF_TORTURE_OR_INHUMAN_TREATMENT, Variables.RISK_OF_DEATH_PENALTY,
        Variables.RISK_OF_PERSECUTION, Variables.CRIMINAL_SANCTIONS_PENDING,
        Variables.PUBLIC_HEALTH_SECURITY_OR_ORDER_THREAT)) {
      variables.put(input, false);
    }
    variables.putAll(grounds);
    return runtimeService().createMessageCorrelation(Messages.TRANSIT_REQUESTED)
        .processInstanceBusinessKey(transitRequestId)
        .setVariables(variables)
        .correlateStartMessage();
  }

  void decide(ProcessInstance transit, String decision) {
    complete(task(DECIDE_ON_TRANSIT, transit), withVariables(Variables.TRANSIT_DECISION, decision));
    runAsyncSteps();
  }

  void runAsyncSteps() {
    List<Job> jobs;
    while (!(jobs = managementService().createJobQuery().messages().executable().listPage(0, 1)).isEmpty()) {
      managementService().executeJob(jobs.get(0).getId());
    }
  }
}
