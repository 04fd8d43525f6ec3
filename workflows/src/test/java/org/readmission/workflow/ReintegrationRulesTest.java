package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The reintegration tables read like the policy they implement. */
class ReintegrationRulesTest {

  static final VulnerabilityScreening SCREENING = VulnerabilityScreening.fromClasspath();
  static final ProviderRouting ROUTING = ProviderRouting.fromClasspath();

  @Test
  void victimsOfTraffickingAreUrgentMinorsAndHealthNeedsHighOthersStandard() {
    assertThat(SCREENING.screen(true, true, true)).isEqualTo(
        new VulnerabilityScreening.Screened("URGENT", "PT48H", List.of("MINOR", "HEALTH", "TRAFFICKING_VICTIM")));
    assertThat(SCREENING.screen(true, false, false).priority()).isEqualTo("HIGH");
    assertThat(SCREENING.screen(false, true, false)).isEqualTo(
        new VulnerabilityScreening.Screened("HIGH", "P3D", List.of("HEALTH")));
    assertThat(SCREENING.screen(false, false, false)).isEqualTo(
        new VulnerabilityScreening.Screened("STANDARD", "P5D", List.of()));
  }

  @Test
  void housingAndJobsInTheWestGoToTheEuFundedProviderInGanjaFirst() {
    assertThat(ROUTING.candidates("AZ", "Ganja-Dashkasan", "STANDARD", List.of("HOUSING", "EMPLOYMENT")))
        .containsExactly("AZ-EURP-GANJA", "AZ-SMS-RU", "IOM-AZ");
  }

  @Test
  void victimsOfTraffickingGoToIomFirstAnywhere() {
    assertThat(ROUTING.candidates("AZ", "Lankaran-Astara", "URGENT", List.of("HOUSING")))
        .containsExactly("IOM-AZ", "AZ-EURP-LANKARAN", "AZ-SMS-RU");
  }

  @Test
  void healthNeedsGoToIomAndLegalDocumentsToTheSmsUnit() {
    assertThat(ROUTING.candidates("AZ", "Baku", "HIGH", List.of("HEALTH"))).first().isEqualTo("IOM-AZ");
    assertThat(ROUTING.candidates("AZ", "Baku", "STANDARD", List.of("LEGAL_DOCUMENTS")))
        .containsExactly("AZ-SMS-RU", "IOM-AZ");
    assertThat(ROUTING.candidates("AZ", null, "STANDARD", List.of())).containsExactly("AZ-SMS-RU", "IOM-AZ");
  }

  @Test
  void returnsToAMemberStateGoToThatStatesProvider() {
    assertThat(ROUTING.candidates("DE", null, "STANDARD", List.of("EMPLOYMENT"))).containsExactly("DE-CARITAS");
  }

  @Test
  void followUpReportsAreDueTwoWeeksAfterArrivalThreeAndSixMonths() {
    Instant returned = Instant.parse("2026-01-31T10:00:00Z");
    assertThat(FollowUp.after(null)).contains(FollowUp.FOLLOW_UP_ARRIVAL);
    assertThat(FollowUp.FOLLOW_UP_ARRIVAL.reportDueAt(returned)).isEqualTo("2026-02-14T10:00:00Z");
    assertThat(FollowUp.FOLLOW_UP_3_MONTHS.reportDueAt(returned)).isEqualTo("2026-05-14T10:00:00Z");
    assertThat(FollowUp.FOLLOW_UP_6_MONTHS.reportDueAt(returned)).isEqualTo("2026-08-14T10:00:00Z");
    assertThat(FollowUp.after(FollowUp.FOLLOW_UP_6_MONTHS)).isEmpty();
  }
}
