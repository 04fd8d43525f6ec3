package org.readmission.identity.assessment;

import java.util.List;

/**
 * Everything the checks found about one person, the input of {@link EvidenceAssessment}.
 *
 * @param requestedState     ISO alpha-2 of the state whose nationality is verified (its registry was searched)
 * @param interviewRequested the requesting state asks for a consular interview
 */
public record Findings(String requestedState, List<DocumentFinding> documents, List<OtherEvidence> otherEvidence,
                       FingerprintFinding fingerprints, boolean interviewRequested) {

    public Findings {
        documents = List.copyOf(documents);
        otherEvidence = List.copyOf(otherEvidence);
    }

    boolean anyDocument(DocumentStanding standing) {
        return documents.stream().anyMatch(d -> d.standing(requestedState) == standing);
    }

    boolean fingerprintsConfirmNational() {
        return (fingerprints.standing() == FingerprintStanding.MATCHES_CLAIMED_IDENTITY
                || fingerprints.standing() == FingerprintStanding.IDENTIFIED_IN_REGISTRY)
                && requestedState.equals(fingerprints.registryNationality());
    }
}
