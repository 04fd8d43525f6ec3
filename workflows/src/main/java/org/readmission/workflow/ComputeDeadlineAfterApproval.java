package org.readmission.workflow;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A time limit that runs from the approval ({@code decidedAt} when the engine host recorded it, else the moment the
 * process records the approval), in the requested state's calendar. Sets {@code <prefix>DueAt} and how it was computed.
 * Beans {@code computeTravelDocumentDeadline} ({@link #travelDocument}) and {@code computeTransferDeadline}
 * ({@link #transfer}).
 */
public final class ComputeDeadlineAfterApproval implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeDeadlineAfterApproval.class);

  /** One of the {@link Deadlines} that run from the approval. */
  interface Limit {
    ComputedDeadline from(Instant approvedAt, String requestedParty);
  }

  private final Limit limit;
  private final String variablePrefix;

  private ComputeDeadlineAfterApproval(Limit limit, String variablePrefix) {
    this.limit = limit;
    this.variablePrefix = variablePrefix;
  }

  /** The travel document: a number of working days of the requested state after approval. */
  public static ComputeDeadlineAfterApproval travelDocument(Deadlines deadlines) {
    return new ComputeDeadlineAfterApproval(deadlines::travelDocument, Variables.TRAVEL_DOCUMENT);
  }

  /** The transfer: the profile's months after approval. */
  public static ComputeDeadlineAfterApproval transfer(Deadlines deadlines) {
    return new ComputeDeadlineAfterApproval(deadlines::transfer, Variables.TRANSFER);
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestedParty = ProcessVariables.requiredString(execution, Variables.REQUESTED_PARTY);
    ComputedDeadline deadline = limit.from(ProcessVariables.approvedAt(execution), requestedParty);
    execution.setVariables(deadline.asVariables(variablePrefix));
    LOG.info("Case {}: {}", execution.getBusinessKey(), deadline.explanation());
  }
}
