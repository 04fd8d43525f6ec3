package org.readmission.reintegration.web;

import java.time.Instant;
import java.util.List;

import org.readmission.reintegration.referral.FollowUpRecord;
import org.readmission.reintegration.referral.Referral;

/** A referral as the officers' UI shows it (after a consent withdrawal: ids, state and dates only). */
record ReferralView(String referralId, String caseId, String personId, String requestingParty, String requestedParty,
                    String state, String priority, int attempt, String provider, List<String> triedProviders,
                    List<String> needs, List<String> vulnerabilities, String region, Instant supportPlanAgreedAt,
                    List<FollowUpRecord> followUps, String outcome, boolean restricted, Instant updatedAt) {

    static ReferralView of(Referral r) {
        return new ReferralView(r.id(), r.caseId(), r.personId(), r.requestingParty(), r.requestedParty(),
                r.state() == null ? null : r.state().name(), r.priority(), r.attempt(), r.provider(), r.triedProviders(),
                r.needs(), r.vulnerabilities(), r.region(), r.supportPlanAgreedAt(), r.followUps(), r.outcome(),
                r.restricted(), r.updatedAt());
    }

    /** What the provider holding the referral sees: its own referral, not which other providers were tried. */
    static ReferralView forProvider(Referral r) {
        ReferralView all = of(r);
        return new ReferralView(all.referralId(), all.caseId(), all.personId(), all.requestingParty(), all.requestedParty(),
                all.state(), all.priority(), all.attempt(), all.provider(), List.of(), all.needs(), all.vulnerabilities(),
                all.region(), all.supportPlanAgreedAt(), all.followUps(), all.outcome(), all.restricted(), all.updatedAt());
    }
}
