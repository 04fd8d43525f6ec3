package org.readmission.workflow;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long the personal data of a case closed with one outcome is kept (a row of DMN {@code RetentionPeriods}), where
 * the figure comes from and how sure we are of it ({@code ASSUMPTION}: a default of this system, to be confirmed).
 */
public record RetentionPeriod(String outcome, int amount, Unit unit, String source, String confidence) {

  public enum Unit {
    DAYS, MONTHS
  }

  /**
   * The end of the period for a case closed at {@code closedAt}: counted in UTC from the moment of closure; months run
   * to the same day of the month (or the month's last day, e.g. 29 Feb + 12 months = 28 Feb).
   */
  public Instant after(Instant closedAt) {
    var closed = closedAt.atZone(ZoneOffset.UTC);
    return (unit == Unit.DAYS ? closed.plusDays(amount) : closed.plusMonths(amount)).toInstant();
  }

  /** The period in words, e.g. "60 months from closure". */
  public String inWords() {
    return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT) + " from closure";
  }
}
