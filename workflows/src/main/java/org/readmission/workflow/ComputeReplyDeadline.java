package org.readmission.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code computeReplyDeadline}: the reply time limit from confirmed receipt ({@code receivedAt}, normal or
 * accelerated {@code procedure}) in the requested state's calendar; with {@code extensionUsed=true} the extended time
 * limit instead. Sets {@code replyDueAt}, its explanation and the moments of the reminder and of the escalation.
 */
public class ComputeReplyDeadline implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeReplyDeadline.class);

  private final Deadlines deadlines;

  public ComputeReplyDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestedParty = ProcessVariables.requiredString(execution, Variables.REQUESTED_PARTY);
    ComputedDeadline deadline;
    if (ProcessVariables.flag(execution, Variables.EXTENSION_USED)) {
      deadline = deadlines.extendedReply(ProcessVariables.requiredInstant(execution, Variables.REPLY_DUE_AT), requestedParty);
    } else {
      Procedure procedure = Procedure.valueOf(ProcessVariables.requiredString(execution, Variables.PROCEDURE));
      deadline = deadlines.reply(ProcessVariables.requiredInstant(execution, Variables.RECEIVED_AT), procedure, requestedParty);
    }
    execution.setVariables(deadline.asVariables(Variables.REPLY));
    execution.setVariable(Variables.REPLY_REMINDER_AT, Date.from(deadlines.replyReminder(deadline, requestedParty)));
    execution.setVariable(Variables.REPLY_ESCALATION_AT, Date.from(deadlines.replyEscalation(deadline, requestedParty)));
    LOG.info("Case {}: {}", execution.getBusinessKey(), deadline.explanation());
  }
}
