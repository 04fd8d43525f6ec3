package org.readmission.reintegration.messaging;

import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.reintegration.referral.ReferralRequest;

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
}
