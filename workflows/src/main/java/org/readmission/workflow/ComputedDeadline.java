package org.readmission.workflow;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.Instant;

/**
 * A deadline as stored on the case: when it is due and how it was computed, so that a supervisor (or the partner)
 * can explain any due date. The fields match the {@code Deadline} record of the event catalogue.
 *
 * @param kind        which time limit
 * @param startsAt    the moment the time limit runs from (e.g. confirmed receipt)
 * @param dueAt       the last moment at which the time limit is met
 * @param rule        the rule in words, e.g. "15 calendar days from confirmed receipt"
 * @param calendar    the calendar and time zone used, e.g. "AZ public holidays (jollyday), ..."
 * @param profileId   agreement profile and version, e.g. "eu-az/1"
 * @param source      where the figure comes from
 * @param confidence  how sure the profile is of the figure
 * @param explanation the whole computation in one or two sentences, for people
 */
public record ComputedDeadline(DeadlineKind kind, Instant startsAt, Instant dueAt, String rule, String calendar,
                               String profileId, String source, String confidence, String explanation) {

  /**
   * The process variables that keep this deadline on the case, named with a prefix: for "reply" these are
   * {@code replyDueAt}, {@code replyDeadlineKind}, {@code replyDeadlineStartsAt}, {@code replyDeadlineRule},
   * {@code replyDeadlineCalendar}, {@code replyDeadlineProfileId}, {@code replyDeadlineSource},
   * {@code replyDeadlineConfidence} and {@code replyDeadlineExplanation}.
   */
  public Map<String, Object> asVariables(String prefix) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(prefix + "DueAt", Date.from(dueAt));
    variables.put(prefix + "DeadlineKind", kind.name());
    variables.put(prefix + "DeadlineStartsAt", Date.from(startsAt));
    variables.put(prefix + "DeadlineRule", rule);
    variables.put(prefix + "DeadlineCalendar", calendar);
    variables.put(prefix + "DeadlineProfileId", profileId);
    variables.put(prefix + "DeadlineSource", source);
    variables.put(prefix + "DeadlineConfidence", confidence);
    variables.put(prefix + "DeadlineExplanation", explanation);
    return variables;
  }
}
