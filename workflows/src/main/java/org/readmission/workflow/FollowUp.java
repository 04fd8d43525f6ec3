package org.readmission.workflow;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * The follow-ups of a reintegration (DOMAIN.md): at arrival, after 3 and after 6 months, counted from the return.
 * Each report is due {@link #GRACE} after the follow-up's moment; a missed report becomes an officer's task.
 * The names are the {@code ReintegrationStage} symbols the provider reports.
 */
public enum FollowUp {
  FOLLOW_UP_ARRIVAL(Period.ZERO),
  FOLLOW_UP_3_MONTHS(Period.ofMonths(3)),
  FOLLOW_UP_6_MONTHS(Period.ofMonths(6));

  /** Time a provider has to report a follow-up after its moment. */
  public static final Period GRACE = Period.ofDays(14);

  private final Period afterReturn;

  FollowUp(Period afterReturn) {
    this.afterReturn = afterReturn;
  }

  /** The first follow-up, or the one after {@code previous}; empty after the last. */
  public static java.util.Optional<FollowUp> after(FollowUp previous) {
    if (previous == null) {
      return java.util.Optional.of(FOLLOW_UP_ARRIVAL);
    }
    int next = previous.ordinal() + 1;
    return next < values().length ? java.util.Optional.of(values()[next]) : java.util.Optional.empty();
  }

  /** When the provider's report is due (UTC calendar arithmetic). */
  public Instant reportDueAt(Instant returnedAt) {
    return returnedAt.atZone(ZoneOffset.UTC).plus(afterReturn).plus(GRACE).toInstant();
  }
}
