package org.readmission.workflow;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the handover, starts one {@code reintegration-handoff} per returned person (business key = case id), with ids
 * and routing values only. The handoff runs on its own for months of follow-ups; the case closes without waiting for
 * it. Started in the same engine transaction as this step, so a retried step starts nothing twice. Which persons
 * were returned is the engine host's knowledge (the transfer proposal, the per-person outcomes of a partial approval):
 * it passes a {@link ReturnedPersons}; {@link #allPersons()} hands every person of the case over.
 * Bean {@code startReintegrationHandoff}.
 */
public final class StartReintegrationHandoff implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StartReintegrationHandoff.class);
  static final String HANDED_OVER_AT = "handedOverAt";

  /** The persons of the case who were handed over at the border. */
  public interface ReturnedPersons {
    List<String> of(DelegateExecution execution);
  }

  private final ReturnedPersons returnedPersons;

  public StartReintegrationHandoff(ReturnedPersons returnedPersons) {
    this.returnedPersons = returnedPersons;
  }

  /** Every person of the case ({@code personIds}). */
  public static StartReintegrationHandoff allPersons() {
    return new StartReintegrationHandoff(execution -> ((Collection<?>) execution.getVariable(Variables.PERSON_IDS)).stream()
        .map(String::valueOf).toList());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    Object handedOverAt = execution.getVariable(HANDED_OVER_AT);
    Date returnedAt = handedOverAt instanceof Date date ? date : ClockUtil.getCurrentTime();
    for (String personId : returnedPersons.of(execution)) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(ReintegrationHandoffProcess.Variables.CASE_ID, caseId);
      variables.put(ReintegrationHandoffProcess.Variables.PERSON_ID, personId);
      variables.put(ReintegrationHandoffProcess.Variables.REQUESTING_PARTY, execution.getVariable(Variables.REQUESTING_PARTY));
      variables.put(ReintegrationHandoffProcess.Variables.REQUESTED_PARTY, execution.getVariable(Variables.REQUESTED_PARTY));
      variables.put(ReintegrationHandoffProcess.Variables.RETURNED_AT, returnedAt);
      execution.getProcessEngineServices().getRuntimeService()
          .startProcessInstanceByKey(ReintegrationHandoffProcess.PROCESS_KEY, caseId, variables);
      LOG.info("Case {}: reintegration handoff started for person {}", caseId, personId);
    }
  }
}
