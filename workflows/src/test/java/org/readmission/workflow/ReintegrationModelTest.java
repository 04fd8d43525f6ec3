package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handoff model keeps the promises of REINTEGRATION-CONTRACT.md and STYLE.md, and deploys with its tables. */
class ReintegrationModelTest {

  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-unittest.cfg.xml")
      .build();

  final BpmnModelInstance model = ProcessModelTest.read(ReintegrationHandoffProcess.RESOURCE);

  @Test
  void everyElementHasAReadableIdANameAndAShape() {
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> drawnEdges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches(ProcessModelTest.READABLE_ID);
      assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
      if (!(node instanceof Gateway)) {
        assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getId()).matches(ProcessModelTest.READABLE_ID);
      assertThat(drawnEdges).as("edge of %s", flow.getId()).contains(flow.getId());
    }
  }

  @Test
  void everyPublishingTaskIsPartOfItsStepsTransactionAndPublishesAnEventOfTheContract() {
    Set<String> eventTypes = new HashSet<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (!"${publishCaseEvent}".equals(task.getCamundaDelegateExpression())) {
        continue;
      }
      // the service's transactional outbox takes the events in the step's own transaction: no job, no retry cycle
      assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isFalse();
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
          .count()).as(task.getId()).isZero();
      task.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).singleResult()
          .getCamundaInputParameters().stream().filter(p -> p.getCamundaName().equals("eventType"))
          .forEach(p -> eventTypes.add(p.getTextContent()));
    }
    assertThat(eventTypes).isEqualTo(constants(ReintegrationHandoffProcess.Events.class));
  }

  @Test
  void waitsForExactlyTheMessagesOfTheContractAndNamesEveryActivityOfTheConstants() {
    assertThat(model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet()))
        .isEqualTo(constants(ReintegrationHandoffProcess.Messages.class));
    for (String id : constants(ReintegrationHandoffProcess.Activities.class)) {
      assertThat((BaseElement) model.getModelElementById(id)).as(id).isNotNull();
    }
    for (Process process : model.getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }
  }

  @Test
  void processAndTablesDeployTogether() {
    ProcessEngine processEngine = engine.getProcessEngine();
    Deployment deployment = processEngine.getRepositoryService().createDeployment()
        .addClasspathResource(ReintegrationHandoffProcess.RESOURCE)
        .addClasspathResource(VulnerabilityScreening.RESOURCE)
        .addClasspathResource(ProviderRouting.RESOURCE)
        .deploy();
    try {
      assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deployment.getId())
          .list()).extracting("key").containsExactlyInAnyOrder(VulnerabilityScreening.DECISION, ProviderRouting.DECISION);
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  static Set<String> constants(Class<?> holder) {
    Set<String> values = new HashSet<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }
}
