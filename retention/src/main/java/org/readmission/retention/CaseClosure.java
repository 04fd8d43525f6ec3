package org.readmission.retention;

import java.time.Instant;

import org.readmission.events.partner.CaseClosed;

/** A case was closed (CaseClosed on readmission.case-events), in the terms of retention. */
public record CaseClosure(String caseId, String applicationId, String requestingParty, String requestedParty,
                          String outcome, Instant closedAt) {

    public static CaseClosure of(CaseClosed event) {
        return new CaseClosure(event.getCaseRef().getCaseId().getValue(), event.getCaseRef().getApplicationId(),
                event.getCaseRef().getRequestingParty().getValue(), event.getCaseRef().getRequestedParty().getValue(),
                event.getOutcome().name(), event.getClosedAt());
    }
}
