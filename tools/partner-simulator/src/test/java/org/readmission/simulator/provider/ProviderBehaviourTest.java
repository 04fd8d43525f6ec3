package org.readmission.simulator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readmission.events.partner.ReintegrationStage.*;

import org.junit.jupiter.api.Test;

class ProviderBehaviourTest {

    @Test
    void declinesEveryNthOfferAndAcceptsTheOthers() {
        ProviderBehaviour behaviour = new ProviderBehaviour(3, false);

        assertThat(behaviour.answerTo(1)).containsExactly(ACCEPTED, SUPPORT_PLAN_AGREED);
        assertThat(behaviour.answerTo(2)).containsExactly(ACCEPTED, SUPPORT_PLAN_AGREED);
        assertThat(behaviour.answerTo(3)).containsExactly(DECLINED);
        assertThat(behaviour.answerTo(6)).containsExactly(DECLINED);
    }

    @Test
    void reportsTheFollowUpsAndTheClosureInOrderWhenAsked() {
        assertThat(new ProviderBehaviour(0, true).answerTo(3)).containsExactly(ACCEPTED, SUPPORT_PLAN_AGREED,
                FOLLOW_UP_ARRIVAL, FOLLOW_UP_3_MONTHS, FOLLOW_UP_6_MONTHS, CLOSED);
    }

    @Test
    void aReportSentAgainForTheSameOfferHasTheSameCeId() {
        assertThat(ProviderReports.ceIdOf("offer-1", ACCEPTED)).isEqualTo(ProviderReports.ceIdOf("offer-1", ACCEPTED))
                .isNotEqualTo(ProviderReports.ceIdOf("offer-1", SUPPORT_PLAN_AGREED))
                .isNotEqualTo(ProviderReports.ceIdOf("offer-2", ACCEPTED));
    }
}
