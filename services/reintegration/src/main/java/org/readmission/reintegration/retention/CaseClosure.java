package org.readmission.reintegration.retention;

import java.time.Instant;

/** A case was closed (CaseClosed on readmission.case-events), in the service's own terms. */
public record CaseClosure(String caseId, String applicationId, String requestingParty, String requestedParty,
                          String outcome, Instant closedAt) {
}
