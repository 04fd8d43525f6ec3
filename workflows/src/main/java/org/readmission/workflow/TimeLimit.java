package org.readmission.workflow;

/**
 * One time limit of the agreement profile (a row of DMN {@code TimeLimits}): how long, in which unit, what happens
 * when the last day is not a working day, where the figure comes from and how sure we are of it.
 */
public record TimeLimit(Name name, int amount, Unit unit, LastDay lastDay, String source, String confidence) {

  /** The limits the profile defines, one row each. */
  public enum Name {
    REPLY_NORMAL, REPLY_ACCELERATED, SUBMISSION_ACCELERATED, EXTENSION, SUBMISSION_THIRD_COUNTRY,
    TRAVEL_DOCUMENT, TRANSFER, INTERVIEW_TARGET, REPLY_REMINDER_LEAD
  }

  public enum Unit {
    CALENDAR_DAYS("calendar day", "calendar days"),
    WORKING_DAYS("working day", "working days"),
    MONTHS("month", "months");

    private final String singular;
    private final String plural;

    Unit(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }

    String describe(int amount) {
      return amount + " " + (amount == 1 ? singular : plural);
    }
  }

  /** What happens when the last day, as counted, is not a working day of the requested state. */
  public enum LastDay {
    AS_COUNTED, NEXT_WORKING_DAY
  }

  /** The limit in words, e.g. "15 calendar days". */
  public String inWords() {
    return unit.describe(amount);
  }
}
