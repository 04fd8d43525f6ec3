package org.readmission.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code computeTransferDeadline}: the transfer is due within the profile's months after approval
 * ({@code decidedAt} when the engine host recorded it, else the moment the process records the approval). Sets
 * {@code transferDueAt} and how it was computed.
 */
public class ComputeTransferDeadline implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeTransferDeadline.class);

  private final Deadlines deadlines;

  public ComputeTransferDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestedParty = ProcessVariables.requiredString(execution, Variables.REQUESTED_PARTY);
    ComputedDeadline deadline = deadlines.transfer(ProcessVariables.approvedAt(execution), requestedParty);
    execution.setVariables(deadline.asVariables(Variables.TRANSFER));
    LOG.info("Case {}: {}", execution.getBusinessKey(), deadline.explanation());
  }
}
