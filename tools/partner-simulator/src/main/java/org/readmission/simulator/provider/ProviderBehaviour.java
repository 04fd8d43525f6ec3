package org.readmission.simulator.provider;

import java.util.ArrayList;
import java.util.List;

import org.readmission.events.partner.ReintegrationStage;

/**
 * How the simulated provider answers an offer: it accepts, except every {@code declineEvery}-th offer it has seen
 * (0 = never decline); an accepted offer is followed by the support plan and, with follow-ups, the three follow-ups
 * and the closure. Counting is per run: a restart starts counting again.
 */
public record ProviderBehaviour(int declineEvery, boolean followUps) {

    private static final List<ReintegrationStage> AFTER_ACCEPTANCE = List.of(ReintegrationStage.SUPPORT_PLAN_AGREED);
    private static final List<ReintegrationStage> FOLLOW_UPS = List.of(ReintegrationStage.FOLLOW_UP_ARRIVAL,
            ReintegrationStage.FOLLOW_UP_3_MONTHS, ReintegrationStage.FOLLOW_UP_6_MONTHS, ReintegrationStage.CLOSED);

    public ProviderBehaviour {
        if (declineEvery < 0) {
            throw new IllegalArgumentException("--decline-every must be 0 (never) or a positive number");
        }
    }

    /** The stages reported, in order, for the {@code n}-th offer seen (1-based). */
    public List<ReintegrationStage> answerTo(long n) {
        if (declineEvery > 0 && n % declineEvery == 0) {
            return List.of(ReintegrationStage.DECLINED);
        }
        List<ReintegrationStage> stages = new ArrayList<>();
        stages.add(ReintegrationStage.ACCEPTED);
        stages.addAll(AFTER_ACCEPTANCE);
        if (followUps) {
            stages.addAll(FOLLOW_UPS);
        }
        return List.copyOf(stages);
    }

    /** A short note a provider might write; never a health detail nor a name. */
    static String noteFor(ReintegrationStage stage) {
        switch (stage) {
            case ACCEPTED:
                return "Referral accepted; a counsellor will contact the returnee.";
            case DECLINED:
                return "No capacity in the region at present.";
            case SUPPORT_PLAN_AGREED:
                return "Support plan agreed with the returnee.";
            case FOLLOW_UP_ARRIVAL:
                return "Arrival follow-up held.";
            case FOLLOW_UP_3_MONTHS:
                return "Three-month follow-up held.";
            case FOLLOW_UP_6_MONTHS:
                return "Six-month follow-up held.";
            case CLOSED:
                return "Support completed.";
            default:
                return null;
        }
    }
}
