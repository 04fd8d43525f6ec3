package org.readmission.reintegration.messaging;

import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.reintegration.referral.ReferralRequest;
import org.readmission.reintegration.retention.CaseClosure;

/** Integration events to the service's own values, at the boundary. */
final class EventMapping {

    private EventMapping() {
    }

    static ReferralRequest request(ReintegrationReferralRequested event) {
        return new ReferralRequest(event.getCaseRef().getCaseId().getValue(), event.getCaseRef().getApplicationId(),
                event.getCaseRef().getRequestingParty().getValue(), event.getCaseRef().getRequestedParty().getValue(),
                event.getPersonId(), event.getAttempt(),
                event.getPriority() == null ? "STANDARD" : event.getPriority().name(),
                event.getNeeds().stream().map(Enum::name).toList(),
                event.getVulnerabilities().stream().map(Enum::name).toList(), event.getRegion());
    }

    static CaseClosure closure(CaseClosed event) {
        return new CaseClosure(event.getCaseRef().getCaseId().getValue(), event.getCaseRef().getApplicationId(),
                event.getCaseRef().getRequestingParty().getValue(), event.getCaseRef().getRequestedParty().getValue(),
                event.getOutcome().name(), event.getClosedAt());
    }
}
