package org.readmission.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Computes due dates from the agreement profile and the requested state's working-day calendar and time zone.
 * Every result carries how it was computed ({@link ComputedDeadline#explanation()}).
 *
 * <p>Counting: the day of the starting event is not counted; calendar days and months run through weekends and
 * holidays; working days skip the requested state's weekends and public holidays; a deadline ends at the end of its
 * last day (23:59:59) in the requested state's time zone. If the profile says so for a limit, a last day that is not a
 * working day moves to the next working day.
 */
public final class Deadlines {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private final AgreementProfile profile;

  public Deadlines(AgreementProfile profile) {
    this.profile = profile;
  }

  /** The reply time limit: normal or accelerated procedure, from confirmed receipt of the application. */
  public ComputedDeadline reply(Instant receivedAt, Procedure procedure, String requestedParty) {
    TimeLimit.Name limit = procedure == Procedure.ACCELERATED ? TimeLimit.Name.REPLY_ACCELERATED : TimeLimit.Name.REPLY_NORMAL;
    return compute(DeadlineKind.REPLY, limit, receivedAt, "confirmed receipt", requestedParty);
  }

  /** The reply time limit after its one extension: the extension runs from the end of the current time limit. */
  public ComputedDeadline extendedReply(Instant currentDueAt, String requestedParty) {
    return compute(DeadlineKind.EXTENDED_REPLY, TimeLimit.Name.EXTENSION, currentDueAt,
        "the end of the current reply time limit", requestedParty);
  }

  /** The travel document (laissez-passer), from approval. */
  public ComputedDeadline travelDocument(Instant approvedAt, String requestedParty) {
    return compute(DeadlineKind.TRAVEL_DOCUMENT, TimeLimit.Name.TRAVEL_DOCUMENT, approvedAt, "approval", requestedParty);
  }

  /** The transfer, from approval. */
  public ComputedDeadline transfer(Instant approvedAt, String requestedParty) {
    return compute(DeadlineKind.TRANSFER, TimeLimit.Name.TRANSFER, approvedAt, "approval", requestedParty);
  }

  /** The consular interview target, from the moment it is requested. */
  public ComputedDeadline interview(Instant requestedAt, String requestedParty) {
    return compute(DeadlineKind.INTERVIEW, TimeLimit.Name.INTERVIEW_TARGET, requestedAt, "the interview request", requestedParty);
  }

  /**
   * When to remind the requested party: when the n-th working day before the last day begins (n = the profile's
   * {@code REPLY_REMINDER_LEAD}), never before the time limit started.
   */
  public Instant replyReminder(ComputedDeadline reply, String requestedParty) {
    WorkingDayCalendar calendar = WorkingDayCalendar.ofParty(requestedParty);
    int lead = profile.limit(TimeLimit.Name.REPLY_REMINDER_LEAD).amount();
    LocalDate day = calendar.minusWorkingDays(calendar.dayOf(reply.dueAt()), lead);
    return latest(calendar.startOfDay(day), reply.startsAt());
  }

  /**
   * When to escalate to the requested party's supervisor: when the last working day of the time limit begins, so
   * that a reply can still go out that day; never before the time limit started.
   */
  public Instant replyEscalation(ComputedDeadline reply, String requestedParty) {
    WorkingDayCalendar calendar = WorkingDayCalendar.ofParty(requestedParty);
    LocalDate day = calendar.workingDayOnOrBefore(calendar.dayOf(reply.dueAt()));
    return latest(calendar.startOfDay(day), reply.startsAt());
  }

  /** Any limit of the profile, from a starting moment described in words ("approval"). */
  public ComputedDeadline compute(DeadlineKind kind, TimeLimit.Name name, Instant startsAt, String startingEvent,
                                  String requestedParty) {
    TimeLimit limit = profile.limit(name);
    WorkingDayCalendar calendar = WorkingDayCalendar.ofParty(requestedParty);
    LocalDate startDay = calendar.dayOf(startsAt);
    List<String> skipped = new ArrayList<>();
    LocalDate lastDay;
    switch (limit.unit()) {
      case CALENDAR_DAYS:
        lastDay = startDay.plusDays(limit.amount());
        break;
      case WORKING_DAYS:
        lastDay = calendar.plusWorkingDays(startDay, limit.amount());
        skipped.addAll(nonWorkingDaysBetween(calendar, startDay, lastDay));
        break;
      case MONTHS:
        lastDay = startDay.plusMonths(limit.amount());
        break;
      default:
        throw new IllegalStateException("Unknown unit " + limit.unit());
    }
    String lastDayNote = "";
    if (limit.lastDay() == TimeLimit.LastDay.NEXT_WORKING_DAY && !calendar.isWorkingDay(lastDay)) {
      LocalDate moved = calendar.workingDayOnOrAfter(lastDay);
      lastDayNote = " The last day as counted, " + DAY.format(lastDay) + ", is not a working day ("
          + calendar.whyNotWorking(lastDay).orElse("") + "): moved to " + DAY.format(moved) + ".";
      lastDay = moved;
    }
    Instant dueAt = calendar.endOfDay(lastDay);
    String rule = limit.inWords() + " from " + startingEvent;
    String explanation = explain(kind, limit, startsAt, dueAt, calendar, startingEvent, skipped) + lastDayNote
        + " Calendar: " + calendar.description() + ". Agreement profile " + profile.id() + ", limit " + name
        + " (confidence " + limit.confidence() + "): " + limit.source() + ".";
    return new ComputedDeadline(kind, startsAt, dueAt, rule, calendar.description(), profile.id(), limit.source(),
        limit.confidence(), explanation);
  }

  private static String explain(DeadlineKind kind, TimeLimit limit, Instant startsAt, Instant dueAt,
                                WorkingDayCalendar calendar, String startingEvent, List<String> skipped) {
    StringBuilder text = new StringBuilder()
        .append(label(kind)).append(" due by ").append(moment(dueAt, calendar)).append(": ")
        .append(limit.inWords()).append(" from ").append(startingEvent).append(" on ").append(moment(startsAt, calendar));
    switch (limit.unit()) {
      case CALENDAR_DAYS:
        text.append(" (that day not counted; weekends and holidays count)");
        break;
      case WORKING_DAYS:
        text.append(" (that day not counted), counted on the working days of ").append(calendar.country());
        if (!skipped.isEmpty()) {
          text.append("; not counted: ").append(String.join(", ", skipped));
        }
        break;
      default:
        text.append(" (to the same day of the month, or the month's last day)");
    }
    return text.append('.').toString();
  }

  private static String moment(Instant instant, WorkingDayCalendar calendar) {
    return MOMENT.format(instant.atZone(calendar.zone())) + " " + calendar.zone();
  }

  private static List<String> nonWorkingDaysBetween(WorkingDayCalendar calendar, LocalDate startDay, LocalDate lastDay) {
    List<String> days = new ArrayList<>();
    for (LocalDate day = startDay.plusDays(1); day.isBefore(lastDay); day = day.plusDays(1)) {
      Optional<String> reason = calendar.whyNotWorking(day);
      LocalDate current = day;
      reason.ifPresent(why -> days.add(DAY.format(current) + " (" + why + ")"));
    }
    return days;
  }

  private static String label(DeadlineKind kind) {
    switch (kind) {
      case REPLY:
        return "Reply";
      case EXTENDED_REPLY:
        return "Extended reply";
      case TRAVEL_DOCUMENT:
        return "Travel document";
      case TRANSFER:
        return "Transfer";
      case INTERVIEW:
        return "Interview";
      default:
        return "Submission";
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
