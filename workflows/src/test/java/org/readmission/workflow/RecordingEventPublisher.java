package org.readmission.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stands in for the engine host's {@code publishCaseEvent}: remembers every event the process published, in order. */
final class RecordingEventPublisher implements JavaDelegate {

  /** One published event as the process asked for it. */
  record Published(String eventType, String activityId, String personId, String outcome) {
  }

  private final List<Published> published = new ArrayList<>();

  @Override
  public void execute(DelegateExecution execution) {
    published.add(new Published(
        (String) execution.getVariable(ReadmissionCaseProcess.Variables.EVENT_TYPE),
        execution.getCurrentActivityId(),
        (String) execution.getVariable(ReadmissionCaseProcess.Variables.PERSON_ID),
        (String) execution.getVariable(ReadmissionCaseProcess.Variables.OUTCOME)));
  }

  List<String> types() {
    return published.stream().map(Published::eventType).collect(Collectors.toList());
  }

  List<Published> all() {
    return List.copyOf(published);
  }

  Published last() {
    return published.get(published.size() - 1);
  }
}
