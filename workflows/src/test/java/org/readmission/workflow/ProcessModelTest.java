package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.Bpmn;
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
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The models keep the promises of CONTRACT.md and STYLE.md: readable ids mirrored in code, a name on every element,
 * a diagram for Cockpit, retried asynchronous publishing with the event type as input, a history time to live.
 */
class ProcessModelTest {

  static final String READABLE_ID = "(StartEvent|EndEvent|ServiceTask|UserTask|ReceiveTask|BusinessRuleTask|SubProcess"
      + "|BoundaryEvent|IntermediateCatchEvent|IntermediateThrowEvent|Gateway|Flow)_[A-Z][A-Za-z]+";

  static BpmnModelInstance read(String resource) {
    InputStream in = ProcessModelTest.class.getClassLoader().getResourceAsStream(resource);
    return Bpmn.readModelFromStream(in);
  }

  @ParameterizedTest
  @ValueSource(strings = {ReadmissionCaseProcess.RESOURCE, TransitRequestProcess.RESOURCE, PersonalDataCorrectionProcess.RESOURCE})
  void everyElementHasAReadableIdANameAndAShapeInTheDiagram(String resource) {
    BpmnModelInstance model = read(resource);
    Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> drawnEdges = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getId()).matches(READABLE_ID);
      assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
      if (!(node instanceof Gateway)) {
        assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(flow.getId()).matches(READABLE_ID);
      assertThat(drawnEdges).as("edge of %s", flow.getId()).contains(flow.getId());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ReadmissionCaseProcess.RESOURCE, TransitRequestProcess.RESOURCE, PersonalDataCorrectionProcess.RESOURCE})
  void everyPublishingTaskIsPartOfItsStepsTransactionAndNamesItsEventType(String resource) {
    BpmnModelInstance model = read(resource);
    List<String> eventTypes = new ArrayList<>();
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      if (!"${publishCaseEvent}".equals(task.getCamundaDelegateExpression())) {
        continue;
      }
      // the service's transactional outbox takes the events in the step's own transaction: no job, no retry cycle
      assertThat(task.isCamundaAsyncBefore()).as("asyncBefore of %s", task.getId()).isFalse();
      assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
          .count()).as("retry cycle of %s", task.getId()).isZero();
      CamundaInputParameter eventType = task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaInputOutput.class).singleResult()
          .getCamundaInputParameters().stream().filter(p -> p.getCamundaName().equals("eventType")).findFirst()
          .orElseThrow();
      eventTypes.add(eventType.getTextContent());
    }
    Set<String> published = constants(ReadmissionCaseProcess.Events.class);
    published.addAll(constants(TransitRequestProcess.Events.class));
    published.addAll(constants(PersonalDataCorrectionProcess.Events.class));
    assertThat(eventTypes).isNotEmpty().allMatch(published::contains);
  }

  @ParameterizedTest
  @ValueSource(strings = {ReadmissionCaseProcess.RESOURCE, TransitRequestProcess.RESOURCE, PersonalDataCorrectionProcess.RESOURCE})
  void everyProcessHasAHistoryTimeToLive(String resource) {
    for (Process process : read(resource).getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }
  }

  @Test
  void theCaseWaitsForExactlyTheMessagesOfTheContract() {
    Set<String> messages = read(ReadmissionCaseProcess.RESOURCE).getModelElementsByType(Message.class).stream()
        .map(Message::getName).collect(Collectors.toSet());

    assertThat(messages).isEqualTo(constants(ReadmissionCaseProcess.Messages.class));
  }

  @Test
  void everyActivityNamedInCodeIsInTheModel() {
    BpmnModelInstance model = read(ReadmissionCaseProcess.RESOURCE);
    for (String id : constants(ReadmissionCaseProcess.Activities.class)) {
      BaseElement element = model.getModelElementById(id);
      assertThat(element).as(id).isNotNull();
    }
    BpmnModelInstance correction = read(PersonalDataCorrectionProcess.RESOURCE);
    for (String id : constants(PersonalDataCorrectionProcess.Activities.class)) {
      assertThat((BaseElement) correction.getModelElementById(id)).as(id).isNotNull();
    }
    BpmnModelInstance transit = read(TransitRequestProcess.RESOURCE);
    for (String id : constants(TransitRequestProcess.Activities.class)) {
      assertThat((BaseElement) transit.getModelElementById(id)).as(id).isNotNull();
    }
  }

  private static Set<String> constants(Class<?> holder) {
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
