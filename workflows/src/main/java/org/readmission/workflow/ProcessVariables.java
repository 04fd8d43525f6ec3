package org.readmission.workflow;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Reads the process variables the rule delegates need, with messages that say what is missing. */
final class ProcessVariables {

  private ProcessVariables() {
  }

  static String requiredString(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("Case " + execution.getBusinessKey() + ": process variable '" + name
          + "' is missing; the engine host sets it when the case is opened (see workflows/CONTRACT.md)");
    }
    return value.toString();
  }

  /** A moment stored as {@code Date} (the contract's type), epoch milliseconds or ISO-8601 text. */
  static Instant requiredInstant(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date) {
      return ((Date) value).toInstant();
    }
    if (value instanceof Number) {
      return Instant.ofEpochMilli(((Number) value).longValue());
    }
    if (value instanceof String && !((String) value).isBlank()) {
      return Instant.parse((String) value);
    }
    throw new IllegalStateException("Case " + execution.getBusinessKey() + ": process variable '" + name
        + "' must be a date (java.util.Date), but is " + (value == null ? "missing" : value.getClass().getName()));
  }

  /** When the application was approved: {@code decidedAt} if the engine host recorded it, else the engine's now. */
  static Instant approvedAt(DelegateExecution execution) {
    if (execution.getVariable(ReadmissionCaseProcess.Variables.DECIDED_AT) != null) {
      return requiredInstant(execution, ReadmissionCaseProcess.Variables.DECIDED_AT);
    }
    return ClockUtil.getCurrentTime().toInstant();
  }

  static boolean flag(DelegateExecution execution, String name) {
    return Boolean.TRUE.equals(execution.getVariable(name));
  }
}
