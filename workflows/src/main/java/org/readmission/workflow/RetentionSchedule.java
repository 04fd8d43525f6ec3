package org.readmission.workflow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/**
 * The retention periods of the agreement profile: how long the personal data of a closed case is kept, by the case's
 * outcome ({@link ReadmissionCaseProcess.Outcomes}, the catalogue's {@code CaseOutcome}), read from DMN
 * {@code RetentionPeriods} ({@code dmn/retention-periods.dmn}). The profile id is the table's version tag, as for the
 * time limits. Every service that keeps personal data erases it at {@link #retentionUntil}.
 */
public final class RetentionSchedule {

  public static final String RESOURCE = "dmn/retention-periods.dmn";
  public static final String DECISION = "RetentionPeriods";
  /** Every outcome a case can be closed with; the table must have exactly one row for each. */
  public static final List<String> OUTCOMES = List.of(ReadmissionCaseProcess.Outcomes.TRANSFERRED,
      ReadmissionCaseProcess.Outcomes.REFUSED, ReadmissionCaseProcess.Outcomes.WITHDRAWN,
      ReadmissionCaseProcess.Outcomes.EXPIRED, ReadmissionCaseProcess.Outcomes.OTHER);

  private final String id;
  private final Map<String, RetentionPeriod> periods;

  private RetentionSchedule(String id, Map<String, RetentionPeriod> periods) {
    this.id = id;
    this.periods = periods;
  }

  /** The EU–Azerbaijan profile shipped with this module. */
  public static RetentionSchedule euAzerbaijan() {
    return fromClasspath(RESOURCE);
  }

  /** Reads the period of every outcome once; a missing or ambiguous row fails here, not when a case is erased. */
  public static RetentionSchedule fromClasspath(String resource) {
    DecisionTable table = DecisionTable.fromClasspath(resource, DECISION);
    String id = table.versionTag();
    if (id == null || id.isBlank()) {
      throw new IllegalStateException(table.describe() + " has no versionTag: set it to the profile id, e.g. eu-az/1");
    }
    Map<String, RetentionPeriod> periods = new LinkedHashMap<>();
    for (String outcome : OUTCOMES) {
      periods.put(outcome, read(table, id, outcome));
    }
    return new RetentionSchedule(id, periods);
  }

  public String id() {
    return id;
  }

  /** The period of an outcome, with its source and confidence. */
  public RetentionPeriod period(String outcome) {
    RetentionPeriod period = periods.get(outcome);
    if (period == null) {
      throw new IllegalArgumentException("Agreement profile " + id + " has no retention period for outcome " + outcome
          + "; outcomes: " + OUTCOMES);
    }
    return period;
  }

  /** When the personal data of a case closed at {@code closedAt} with {@code outcome} must be erased. */
  public Instant retentionUntil(String outcome, Instant closedAt) {
    return period(outcome).after(closedAt);
  }

  private static RetentionPeriod read(DecisionTable table, String id, String outcome) {
    DmnDecisionTableResult result = table.evaluate(Map.of("outcome", outcome));
    if (result.isEmpty()) {
      throw new IllegalStateException("Agreement profile " + id + " (" + table.describe() + ") has no row for " + outcome);
    }
    DmnDecisionRuleResult row = result.getSingleResult();
    return new RetentionPeriod(outcome, ((Number) row.getEntry("amount")).intValue(),
        RetentionPeriod.Unit.valueOf(row.getEntry("unit")), row.getEntry("source"), row.getEntry("confidence"));
  }
}
