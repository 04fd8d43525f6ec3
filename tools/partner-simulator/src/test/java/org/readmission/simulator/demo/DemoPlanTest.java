package org.readmission.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readmission.simulator.generator.ApplicationGenerator;

class DemoPlanTest {

    @Test
    void threeHundredCasesWithSeedOneGoToEveryStateByWeight() {
        Map<DemoState, Integer> counts = DemoPlan.of(300, 1).counts();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry(DemoState.AWAITING_DECISION, 36), Map.entry(DemoState.INTERVIEW_SCHEDULED, 21),
                Map.entry(DemoState.REFUSED, 24), Map.entry(DemoState.AWAITING_TRAVEL_DOCUMENT, 24),
                Map.entry(DemoState.AWAITING_TRANSFER_PROPOSAL, 24), Map.entry(DemoState.TRANSFER_PROPOSED, 18),
                Map.entry(DemoState.TRANSFER_SCHEDULED, 24), Map.entry(DemoState.TRANSFERRED, 45),
                Map.entry(DemoState.WITHDRAWN, 18), Map.entry(DemoState.ON_PROTECTION_HOLD, 18),
                Map.entry(DemoState.REPLY_DUE_SOON, 18), Map.entry(DemoState.REPLY_OVERDUE, 30)));
    }

    @Test
    void countsAddUpForAnyNumberOfCasesAndEveryStateGetsOneFromTwentyOn() {
        for (int cases : new int[] {1, 7, 20, 99, 301, 1000}) {
            Map<DemoState, Integer> counts = DemoPlan.of(cases, 5).counts();
            assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(cases);
            if (cases >= 20) {
                assertThat(counts.values()).allMatch(n -> n >= 1);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnotherOrder() {
        assertThat(DemoPlan.of(300, 1)).isEqualTo(DemoPlan.of(300, 1));
        assertThat(DemoPlan.of(300, 2).cases()).isNotEqualTo(DemoPlan.of(300, 1).cases());
        assertThat(DemoPlan.of(300, 2).counts()).isEqualTo(DemoPlan.of(300, 1).counts());
    }

    @Test
    void onlyTheOverdueStatesAreDatedBackAndTheirReplyLimitHasPassedOrIsClose() {
        for (DemoPlan.PlannedCase planned : DemoPlan.of(300, 1).cases()) {
            switch (planned.target()) {
                case REPLY_OVERDUE:
                    assertThat(planned.receivedDaysAgo()).isBetween(18, 37); // past 15 calendar days plus a holiday margin
                    break;
                case REPLY_DUE_SOON:
                    assertThat(planned.receivedDaysAgo()).isBetween(12, 13);
                    break;
                default:
                    assertThat(planned.receivedDaysAgo()).isZero();
                    assertThat(planned.target().bypassesGateway()).isFalse();
            }
        }
    }

    @Test
    void partnersAndOfficersBothDecideAndSomeFamiliesAreApprovedInPart() {
        DemoPlan plan = DemoPlan.of(300, 1);
        List<DemoCase> cases = SeedDemoCommand.applications(plan,
                new ApplicationGenerator(1, "TEST", Instant.parse("2026-03-02T10:00:00Z")));

        assertThat(plan.cases()).anyMatch(DemoPlan.PlannedCase::partnerDecides).anyMatch(c -> !c.partnerDecides());
        assertThat(cases).anyMatch(DemoCase::partial);
        assertThat(cases).filteredOn(DemoCase::partial).allSatisfy(c -> {
            assertThat(c.personIds()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(c.refusedPersonIds()).hasSize(1);
            assertThat(c.approvedPersonIds()).hasSize(c.personIds().size() - 1);
        });
        assertThat(cases).filteredOn(c -> c.target() == DemoState.REFUSED)
                .allSatisfy(c -> assertThat(c.approvedPersonIds()).isEmpty());
    }

    @Test
    void casesThatBypassTheGatewayAreDatedBeforeTheirReceiptAndGetTheGatewaysCaseId() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        List<DemoCase> cases = SeedDemoCommand.applications(DemoPlan.of(60, 1), new ApplicationGenerator(1, "TEST", now));

        assertThat(cases).filteredOn(c -> c.target().bypassesGateway()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.application().getSubmittedAt()).isBefore(now.minusSeconds(c.plan().receivedDaysAgo() * 86_400L));
            assertThat(c.application().getApprehension()).isNull();
        });
        // the gateway's derivation (SubmissionKeys.caseIdOf): RC- and 12 hex digits of SHA-256 of the claim key
        assertThat(DemoMessages.caseIdOf("DE-BPOL", "DE-BPOL-2026-TEST-00001")).matches("RC-[0-9A-F]{12}")
                .isEqualTo(DemoMessages.caseIdOf("de-bpol", "DE-BPOL-2026-TEST-00001"));
        assertThat(cases.stream().map(DemoCase::applicationId).distinct()).hasSize(cases.size());
    }
}
