package org.readmission.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code computeTravelDocumentDeadline}: the travel document is due a number of working days of the requested
 * state after approval ({@code decidedAt} when the engine host recorded it, else the moment the process records the
 * approval). Sets {@code travelDocumentDueAt} and how it was computed.
 */
public class ComputeTravelDocumentDeadline implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeTravelDocumentDeadline.class);

  private final Deadlines deadlines;

  public ComputeTravelDocumentDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestedParty = ProcessVariables.requiredString(execution, Variables.REQUESTED_PARTY);
    ComputedDeadline deadline = deadlines.travelDocument(ProcessVariables.approvedAt(execution), requestedParty);
    execution.setVariables(deadline.asVariables(Variables.TRAVEL_DOCUMENT));
    LOG.info("Case {}: {}", execution.getBusinessKey(), deadline.explanation());
  }
}
