package org.readmission.workflow;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/**
 * The agreement profile: every time limit of the readmission agreement with its source and confidence, read from the
 * DMN table {@code TimeLimits} ({@code dmn/time-limits.dmn}). The profile id (e.g. {@code eu-az/1}) is the table's
 * version tag; it is stored with every deadline computed from the profile.
 */
public final class AgreementProfile {

  public static final String TIME_LIMITS_RESOURCE = "dmn/time-limits.dmn";
  public static final String TIME_LIMITS_DECISION = "TimeLimits";

  private final String id;
  private final Map<TimeLimit.Name, TimeLimit> limits;

  private AgreementProfile(String id, Map<TimeLimit.Name, TimeLimit> limits) {
    this.id = id;
    this.limits = limits;
  }

  /** The EU–Azerbaijan profile shipped with this module. */
  public static AgreementProfile euAzerbaijan() {
    return fromClasspath(TIME_LIMITS_RESOURCE);
  }

  /** Reads every limit of the profile once; a missing or ambiguous row fails here, not in a running case. */
  public static AgreementProfile fromClasspath(String resource) {
    DecisionTable table = DecisionTable.fromClasspath(resource, TIME_LIMITS_DECISION);
    String id = table.versionTag();
    if (id == null || id.isBlank()) {
      throw new IllegalStateException(table.describe() + " has no versionTag: set it to the profile id, e.g. eu-az/1");
    }
    Map<TimeLimit.Name, TimeLimit> limits = new EnumMap<>(TimeLimit.Name.class);
    for (TimeLimit.Name name : TimeLimit.Name.values()) {
      limits.put(name, read(table, id, name));
    }
    return new AgreementProfile(id, limits);
  }

  /** A profile built in code, e.g. to test another agreement's figures. */
  public static AgreementProfile of(String id, Collection<TimeLimit> limits) {
    Map<TimeLimit.Name, TimeLimit> byName = new EnumMap<>(TimeLimit.Name.class);
    limits.forEach(limit -> byName.put(limit.name(), limit));
    return new AgreementProfile(id, byName);
  }

  public String id() {
    return id;
  }

  public TimeLimit limit(TimeLimit.Name name) {
    TimeLimit limit = limits.get(name);
    if (limit == null) {
      throw new IllegalArgumentException("Agreement profile " + id + " has no time limit " + name);
    }
    return limit;
  }

  private static TimeLimit read(DecisionTable table, String id, TimeLimit.Name name) {
    DmnDecisionTableResult result = table.evaluate(Map.of("limit", name.name()));
    if (result.isEmpty()) {
      throw new IllegalStateException("Agreement profile " + id + " (" + table.describe() + ") has no row for " + name);
    }
    DmnDecisionRuleResult row = result.getSingleResult();
    return new TimeLimit(name,
        ((Number) row.getEntry("amount")).intValue(),
        TimeLimit.Unit.valueOf(row.getEntry("unit")),
        TimeLimit.LastDay.valueOf(row.getEntry("lastDay")),
        row.getEntry("source"),
        row.getEntry("confidence"));
  }
}
