package org.readmission.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.readmission.workflow.ReintegrationHandoffProcess.Variables;

/**
 * Bean {@code scheduleFollowUp}: sets the next {@link FollowUp} ({@code followUpStage}) and when its report is due
 * ({@code followUpDueAt}), counted from {@code returnedAt} (the engine's now at the first follow-up if the host did
 * not pass it).
 */
public class ScheduleFollowUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable(Variables.RETURNED_AT) == null) {
      execution.setVariable(Variables.RETURNED_AT, ClockUtil.getCurrentTime());
    }
    Instant returnedAt = ProcessVariables.requiredInstant(execution, Variables.RETURNED_AT);
    Object previous = execution.getVariable(Variables.FOLLOW_UP_STAGE);
    FollowUp next = FollowUp.after(previous == null ? null : FollowUp.valueOf(previous.toString()))
        .orElseThrow(() -> new IllegalStateException("Case " + execution.getBusinessKey()
            + ": every follow-up is done; the model asks for no further one (see " + ReintegrationHandoffProcess.RESOURCE + ")"));
    execution.setVariable(Variables.FOLLOW_UP_STAGE, next.name());
    execution.setVariable(Variables.FOLLOW_UP_DUE_AT, Date.from(next.reportDueAt(returnedAt)));
  }
}
