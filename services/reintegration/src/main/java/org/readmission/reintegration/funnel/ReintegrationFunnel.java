package org.readmission.reintegration.funnel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;

/**
 * The supervisors' figures, derived from the events alone (reintegration.referrals and reintegration.updates, in any
 * order, duplicates included): persons referred, accepted by a provider, in support now, closed. A person counts once
 * per stage; one withdrawn or closed is no longer in support.
 */
public final class ReintegrationFunnel {

    /** The four figures, and the withdrawals that explain the gap between them. */
    public record Figures(int referred, int accepted, int inSupport, int closed, int consentWithdrawn) {
    }

    private ReintegrationFunnel() {
    }

    public static Figures of(List<? extends SpecificRecord> events) {
        Set<String> referred = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        Set<String> supported = new HashSet<>();
        Set<String> closed = new HashSet<>();
        Set<String> withdrawn = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof ReintegrationReferralRequested requested && requested.getConsentGiven()) {
                referred.add(person(requested.getCaseRef().getCaseId().getValue(), requested.getPersonId()));
            } else if (event instanceof ReintegrationProgressReported report) {
                String person = person(report.getCaseRef().getCaseId().getValue(), report.getPersonId());
                ReintegrationStage stage = report.getStage();
                if (stage == ReintegrationStage.ACCEPTED || stage == ReintegrationStage.SUPPORT_PLAN_AGREED) {
                    accepted.add(person);
                }
                if (stage == ReintegrationStage.SUPPORT_PLAN_AGREED || stage.name().startsWith("FOLLOW_UP")) {
                    accepted.add(person);
                    supported.add(person);
                }
                if (stage == ReintegrationStage.CLOSED) {
                    closed.add(person);
                }
                if (stage == ReintegrationStage.CONSENT_WITHDRAWN) {
                    withdrawn.add(person);
                }
            } else if (event instanceof ReintegrationClosed done) {
                closed.add(person(done.getCaseRef().getCaseId().getValue(), done.getPersonId()));
            } else if (event instanceof ReintegrationConsentWithdrawn stopped) {
                withdrawn.add(person(stopped.getCaseRef().getCaseId().getValue(), stopped.getPersonId()));
            }
        }
        supported.removeAll(closed);
        supported.removeAll(withdrawn);
        return new Figures(referred.size(), accepted.size(), supported.size(), closed.size(), withdrawn.size());
    }

    private static String person(String caseId, String personId) {
        return caseId + "/" + personId;
    }
}
