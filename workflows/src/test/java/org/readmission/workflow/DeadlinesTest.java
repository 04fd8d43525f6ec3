package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Due dates of the agreement profile eu-az/1, counted in the requested state's calendar and time zone. */
class DeadlinesTest {

  static final AgreementProfile EU_AZ = AgreementProfile.euAzerbaijan();
  final Deadlines deadlines = new Deadlines(EU_AZ);

  @Test
  void normalReplyRunsFifteenCalendarDaysThroughAPublicHoliday() {
    // received Friday 6 November 2026, 16:00 in Baku; Sunday 8 (Victory Day) and Monday 9 (State Flag Day) are holidays
    ComputedDeadline reply = deadlines.reply(Instant.parse("2026-11-06T12:00:00Z"), Procedure.NORMAL, "AZ-SMS");

    // calendar days do not skip holidays: day 15 is Saturday 21 November, until 23:59:59 in Baku (UTC+4)
    assertThat(reply.dueAt()).isEqualTo("2026-11-21T19:59:59Z");
    assertThat(reply.kind()).isEqualTo(DeadlineKind.REPLY);
    assertThat(reply.rule()).isEqualTo("15 calendar days from confirmed receipt");
    assertThat(reply.explanation())
        .startsWith("Reply due by Sat 21 Nov 2026 23:59 Asia/Baku: 15 calendar days from confirmed receipt on "
            + "Fri 6 Nov 2026 16:00 Asia/Baku (that day not counted; weekends and holidays count).");
  }

  @Test
  void remindsTwoWorkingDaysAndEscalatesOnTheLastWorkingDayBeforeTheReplyIsDue() {
    ComputedDeadline reply = deadlines.reply(Instant.parse("2026-11-06T12:00:00Z"), Procedure.NORMAL, "AZ-SMS");

    // due Saturday 21 November: the last working day is Friday 20, two working days before is Thursday 19
    assertThat(deadlines.replyEscalation(reply, "AZ-SMS")).isEqualTo("2026-11-19T20:00:00Z");
    assertThat(deadlines.replyReminder(reply, "AZ-SMS")).isEqualTo("2026-11-18T20:00:00Z");
  }

  @Test
  void acceleratedReplyCountsWorkingDaysOverNovruz() {
    // received Thursday 19 March 2026, 15:00 in Baku: Novruz (20-24 March, with Eid ul-Fitr on 20-21) and the weekend are skipped
    ComputedDeadline reply = deadlines.reply(Instant.parse("2026-03-19T11:00:00Z"), Procedure.ACCELERATED, "AZ-SMS");

    // working day 1: Wednesday 25 March, working day 2: Thursday 26 March
    assertThat(reply.dueAt()).isEqualTo("2026-03-26T19:59:59Z");
    assertThat(reply.rule()).isEqualTo("2 working days from confirmed receipt");
    assertThat(reply.explanation())
        .contains("not counted: Fri 20 Mar 2026 (Eid ul-Fitr, Nowruz), Sat 21 Mar 2026 (Saturday), "
            + "Sun 22 Mar 2026 (Sunday), Mon 23 Mar 2026 (Nowruz), Tue 24 Mar 2026 (Nowruz)")
        .contains("limit REPLY_ACCELERATED (confidence HIGH)");
  }

  @Test
  void travelDocumentIsDueFiveWorkingDaysAfterApprovalOverAWeekendAndAHoliday() {
    // approved Friday 12 June 2026, 16:00 in Baku; Monday 15 June is National Salvation Day
    ComputedDeadline travelDocument = deadlines.travelDocument(Instant.parse("2026-06-12T12:00:00Z"), "AZ-SMS");

    // Tue 16, Wed 17, Thu 18, Fri 19, Mon 22 June
    assertThat(travelDocument.dueAt()).isEqualTo("2026-06-22T19:59:59Z");
    assertThat(travelDocument.kind()).isEqualTo(DeadlineKind.TRAVEL_DOCUMENT);
    assertThat(travelDocument.explanation())
        .contains("5 working days from approval on Fri 12 Jun 2026 16:00 Asia/Baku")
        .contains("Mon 15 Jun 2026 (National Salvation Day)")
        .contains("Sat 20 Jun 2026 (Saturday), Sun 21 Jun 2026 (Sunday)");
  }

  @Test
  void transferIsDueThreeMonthsAfterApprovalOnTheMonthsLastDayWhenTheDayDoesNotExist() {
    ComputedDeadline transfer = deadlines.transfer(Instant.parse("2026-11-30T08:00:00Z"), "AZ-SMS");

    assertThat(transfer.dueAt()).isEqualTo("2027-02-28T19:59:59Z");
    assertThat(transfer.rule()).isEqualTo("3 months from approval");
    assertThat(transfer.explanation()).contains("(to the same day of the month, or the month's last day)");
  }

  @Test
  void extensionAddsFifteenCalendarDaysToTheCurrentTimeLimit() {
    ComputedDeadline reply = deadlines.reply(Instant.parse("2026-03-02T06:00:00Z"), Procedure.NORMAL, "AZ-SMS");
    ComputedDeadline extended = deadlines.extendedReply(reply.dueAt(), "AZ-SMS");

    assertThat(reply.dueAt()).isEqualTo("2026-03-17T19:59:59Z");
    assertThat(extended.dueAt()).isEqualTo("2026-04-01T19:59:59Z");
    assertThat(extended.kind()).isEqualTo(DeadlineKind.EXTENDED_REPLY);
    assertThat(extended.rule()).isEqualTo("15 calendar days from the end of the current reply time limit");
    assertThat(extended.confidence()).isEqualTo("LOW");
  }

  @Test
  void workingDaysAndTimeZoneAreTheRequestedStates() {
    // Azerbaijan asks the Netherlands: Good Friday is no day off there, Easter Monday is
    ComputedDeadline reply = deadlines.reply(Instant.parse("2026-04-02T09:00:00Z"), Procedure.ACCELERATED, "NL-DTV");

    // Friday 3 April (1), Tuesday 7 April (2), until 23:59:59 in Amsterdam (UTC+2 in summer)
    assertThat(reply.dueAt()).isEqualTo("2026-04-07T21:59:59Z");
    assertThat(reply.calendar()).isEqualTo("NL public holidays (jollyday), weekend Saturday-Sunday, time zone Europe/Amsterdam");
    assertThat(reply.explanation()).contains("Mon 6 Apr 2026 (Easter Monday)").doesNotContain("Good Friday");
  }

  @Test
  void aProfileCanMoveALastDayThatIsNoWorkingDay() {
    List<TimeLimit> limits = new ArrayList<>();
    for (TimeLimit.Name name : TimeLimit.Name.values()) {
      limits.add(EU_AZ.limit(name));
    }
    limits.add(new TimeLimit(TimeLimit.Name.REPLY_NORMAL, 15, TimeLimit.Unit.CALENDAR_DAYS,
        TimeLimit.LastDay.NEXT_WORKING_DAY, "test profile", "LOW"));
    Deadlines movingLastDay = new Deadlines(AgreementProfile.of("test/1", limits));

    // received Friday 23 October 2026: day 15 is Saturday 7 November, then Sunday 8 and Monday 9 are holidays
    ComputedDeadline reply = movingLastDay.reply(Instant.parse("2026-10-23T08:00:00Z"), Procedure.NORMAL, "AZ-SMS");

    assertThat(reply.dueAt()).isEqualTo("2026-11-10T19:59:59Z");
    assertThat(reply.profileId()).isEqualTo("test/1");
    assertThat(reply.explanation()).contains("The last day as counted, Sat 7 Nov 2026, is not a working day (Saturday): "
        + "moved to Tue 10 Nov 2026.");
  }

  @Test
  void everyDeadlineSaysHowItWasComputed() {
    Instant start = Instant.parse("2026-03-02T06:00:00Z");
    List<ComputedDeadline> all = List.of(
        deadlines.reply(start, Procedure.NORMAL, "AZ-SMS"),
        deadlines.reply(start, Procedure.ACCELERATED, "AZ-SMS"),
        deadlines.extendedReply(start, "AZ-SMS"),
        deadlines.travelDocument(start, "AZ-SMS"),
        deadlines.transfer(start, "AZ-SMS"),
        deadlines.interview(start, "AZ-SMS"));

    for (ComputedDeadline deadline : all) {
      assertThat(deadline.profileId()).isEqualTo("eu-az/1");
      assertThat(deadline.startsAt()).isEqualTo(start);
      assertThat(deadline.dueAt()).isAfter(start);
      assertThat(deadline.rule()).isNotBlank();
      assertThat(deadline.calendar()).startsWith("AZ public holidays (jollyday)");
      assertThat(deadline.source()).isNotBlank();
      assertThat(deadline.confidence()).isIn("HIGH", "MEDIUM", "LOW", "SERVICE_LEVEL");
      assertThat(deadline.explanation()).contains(deadline.rule(), "Agreement profile eu-az/1", deadline.source());
    }
  }

  @Test
  void theProfileNamesEveryLimitWithItsSourceAndConfidence() {
    assertThat(EU_AZ.id()).isEqualTo("eu-az/1");
    assertThat(EU_AZ.limit(TimeLimit.Name.REPLY_NORMAL).inWords()).isEqualTo("15 calendar days");
    assertThat(EU_AZ.limit(TimeLimit.Name.REPLY_ACCELERATED).inWords()).isEqualTo("2 working days");
    assertThat(EU_AZ.limit(TimeLimit.Name.SUBMISSION_ACCELERATED).inWords()).isEqualTo("2 working days");
    assertThat(EU_AZ.limit(TimeLimit.Name.EXTENSION).inWords()).isEqualTo("15 calendar days");
    assertThat(EU_AZ.limit(TimeLimit.Name.SUBMISSION_THIRD_COUNTRY).inWords()).isEqualTo("12 months");
    assertThat(EU_AZ.limit(TimeLimit.Name.TRAVEL_DOCUMENT).inWords()).isEqualTo("5 working days");
    assertThat(EU_AZ.limit(TimeLimit.Name.TRANSFER).inWords()).isEqualTo("3 months");
    assertThat(EU_AZ.limit(TimeLimit.Name.INTERVIEW_TARGET).inWords()).isEqualTo("10 working days");
    assertThat(EU_AZ.limit(TimeLimit.Name.REPLY_REMINDER_LEAD).inWords()).isEqualTo("2 working days");
    assertThat(EU_AZ.limit(TimeLimit.Name.REPLY_NORMAL).source()).contains("Dutch Repatriation and Departure Service");
    assertThat(EU_AZ.limit(TimeLimit.Name.EXTENSION).confidence()).isEqualTo("LOW");
    assertThat(EU_AZ.limit(TimeLimit.Name.INTERVIEW_TARGET).confidence()).isEqualTo("SERVICE_LEVEL");
  }
}
