package org.readmission.reintegration.messaging;

import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.partner.Vulnerability;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;
import org.readmission.reintegration.referral.PendingEvent;
import org.readmission.reintegration.referral.Referral;

/**
 * Maps a referral's pending facts to the integration events, at the boundary. What a provider receives is built here
 * and only here, from ids and routing codes: never a name, a document, a protection status or biometrics.
 */
final class ReferralEvents {

    /** An event and where it goes. */
    record Outgoing(String topic, SpecificRecord event) {
    }

    private ReferralEvents() {
    }

    static Outgoing of(Referral referral, PendingEvent pending, String source) {
        switch (pending.kind()) {
            case PROVIDER_ASSIGNED:
                return new Outgoing(Topics.REINTEGRATION_UPDATES, ReintegrationProviderAssigned.newBuilder()
                        .setCaseRef(caseRef(referral)).setOccurredAt(pending.at()).setReferralId(referral.id())
                        .setPersonId(referral.personId()).setAttempt(pending.attempt())
                        .setProviderParty(pending.provider() == null ? null : party(pending.provider()))
                        .setExcludedProviders(pending.excludedProviders()).setPriority(priority(referral)).build());
            case REFERRAL_OFFERED:
                return new Outgoing(Topics.partnerNotifications(pending.provider()), ReintegrationReferralOffered.newBuilder()
                        .setCaseRef(caseRef(referral)).setOccurredAt(pending.at()).setReferralId(referral.id())
                        .setPersonId(referral.personId()).setProviderParty(party(pending.provider()))
                        .setPriority(priority(referral))
                        .setVulnerabilities(referral.vulnerabilities().stream().map(ReferralEvents::vulnerability).toList())
                        .setNeeds(referral.needs().stream().map(ReferralEvents::need).toList())
                        .setRegion(referral.region()).setAnswerBy(null).build());
            case PROVIDER_TOLD_CONSENT_WITHDRAWN:
                return new Outgoing(Topics.partnerNotifications(pending.provider()), ReintegrationProgressReported.newBuilder()
                        .setCaseRef(caseRef(referral)).setOccurredAt(pending.at()).setPersonId(referral.personId())
                        .setProviderParty(party(pending.provider())).setStage(ReintegrationStage.CONSENT_WITHDRAWN)
                        .setNote("Consent withdrawn: stop the support and erase the person's data.").build());
            case CONSENT_WITHDRAWAL_REPORTED:
                return new Outgoing(Topics.REINTEGRATION_UPDATES, ReintegrationConsentWithdrawn.newBuilder()
                        .setCaseRef(caseRef(referral)).setOccurredAt(pending.at()).setPersonId(referral.personId())
                        .setRecordedBy(pending.provider() == null ? source : pending.provider()).build());
            default:
                throw new IllegalArgumentException("no event for " + pending.kind());
        }
    }

    private static CaseRef caseRef(Referral referral) {
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(referral.caseId()).build())
                .setApplicationId(referral.applicationId())
                .setRequestingParty(party(referral.requestingParty()))
                .setRequestedParty(party(referral.requestedParty())).build();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    private static ReintegrationPriority priority(Referral referral) {
        return referral.priority() == null ? ReintegrationPriority.STANDARD : ReintegrationPriority.valueOf(referral.priority());
    }

    private static Vulnerability vulnerability(String code) {
        return List.of(Vulnerability.values()).stream().anyMatch(v -> v.name().equals(code)) ? Vulnerability.valueOf(code) : Vulnerability.OTHER;
    }

    private static ReintegrationNeed need(String code) {
        return List.of(ReintegrationNeed.values()).stream().anyMatch(n -> n.name().equals(code)) ? ReintegrationNeed.valueOf(code) : ReintegrationNeed.OTHER;
    }
}
