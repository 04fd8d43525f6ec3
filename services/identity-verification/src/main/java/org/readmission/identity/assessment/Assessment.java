package org.readmission.identity.assessment;

import java.util.List;

/**
 * The verification result of one person: outcome, strongest class of evidence that counts, reasons for an officer and
 * their machine codes (same order; the first is the deciding rule), and the fingerprint score band if compared.
 */
public record Assessment(Outcome outcome, VerificationRule decidedBy, EvidenceClass evidenceClass, List<String> reasons,
                         List<String> reasonCodes, String fingerprintBand) {

    public Assessment {
        reasons = List.copyOf(reasons);
        reasonCodes = List.copyOf(reasonCodes);
    }
}
