package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The retention periods of the agreement profile eu-az/1, as a policy officer reads them (DMN RetentionPeriods). */
class RetentionScheduleTest {

  private final RetentionSchedule schedule = RetentionSchedule.euAzerbaijan();

  @Test
  void keepsATransferredCaseFiveYearsFromClosure() {
    assertThat(schedule.retentionUntil("TRANSFERRED", Instant.parse("2026-03-10T14:30:00Z")))
        .isEqualTo(Instant.parse("2031-03-10T14:30:00Z"));
    assertThat(schedule.period("TRANSFERRED").inWords()).isEqualTo("60 months from closure");
  }

  @Test
  void keepsARefusedCaseAndACaseClosedWithoutReplyThreeYears() {
    assertThat(schedule.retentionUntil("REFUSED", Instant.parse("2026-03-10T14:30:00Z")))
        .isEqualTo(Instant.parse("2029-03-10T14:30:00Z"));
    assertThat(schedule.retentionUntil("EXPIRED", Instant.parse("2026-03-10T14:30:00Z")))
        .isEqualTo(Instant.parse("2029-03-10T14:30:00Z"));
  }

  @Test
  void keepsAWithdrawnApplicationOneYear() {
    assertThat(schedule.retentionUntil("WITHDRAWN", Instant.parse("2026-03-10T14:30:00Z")))
        .isEqualTo(Instant.parse("2027-03-10T14:30:00Z"));
  }

  @Test
  void keepsAnyOtherClosureAsLongAsTheLongestPeriod() {
    assertThat(schedule.period("OTHER").amount()).isEqualTo(schedule.period("TRANSFERRED").amount());
  }

  @Test
  void aMonthWithoutTheDayOfClosureEndsOnItsLastDay() {
    assertThat(schedule.retentionUntil("WITHDRAWN", Instant.parse("2028-02-29T10:00:00Z")))
        .isEqualTo(Instant.parse("2029-02-28T10:00:00Z"));
  }

  @Test
  void everyOutcomeHasAPeriodMarkedAsAConfigurableAssumptionWithItsSource() {
    assertThat(schedule.id()).isEqualTo(AgreementProfile.euAzerbaijan().id());
    assertThat(RetentionSchedule.OUTCOMES).containsExactlyInAnyOrder("TRANSFERRED", "REFUSED", "WITHDRAWN", "EXPIRED", "OTHER");
    assertThat(RetentionSchedule.OUTCOMES).allSatisfy(outcome -> {
      RetentionPeriod period = schedule.period(outcome);
      assertThat(period.confidence()).as(outcome).isEqualTo("ASSUMPTION");
      assertThat(period.source()).as(outcome).startsWith("Assumption of this system").contains("Configurable");
      assertThat(period.amount()).as(outcome).isPositive();
    });
  }

  @Test
  void refusesAnOutcomeTheProfileDoesNotKnow() {
    assertThatThrownBy(() -> schedule.retentionUntil("LOST", Instant.parse("2026-03-10T14:30:00Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOST").hasMessageContaining("eu-az/1");
  }
}
