package org.readmission.workflow;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target date of a consular interview (the profile's {@code INTERVIEW_TARGET}, working days of the requested
 * state from now, when identity verification asked for an interview). Set on the person's own instance of the
 * verification subprocess ({@code interviewDueAt} and how it was computed), so persons of a family do not overwrite
 * each other's dates. Bean {@code computeInterviewDeadline}.
 */
public final class ComputeInterviewDeadline implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeInterviewDeadline.class);

  private final Deadlines deadlines;

  public ComputeInterviewDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestedParty = ProcessVariables.requiredString(execution, Variables.REQUESTED_PARTY);
    ComputedDeadline deadline = deadlines.interview(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()), requestedParty);
    execution.setVariablesLocal(deadline.asVariables(Variables.INTERVIEW));
    LOG.info("Case {}, person {}: {}", execution.getBusinessKey(), execution.getVariable(Variables.PERSON_ID), deadline.explanation());
  }
}
