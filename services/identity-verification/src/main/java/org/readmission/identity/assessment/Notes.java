package org.readmission.identity.assessment;

import java.util.List;

/** Reasons that do not decide the outcome but that an officer checks (expired, zone problems, lost documents ...). */
final class Notes {

    private Notes() {
    }

    static void addTo(Findings f, List<String> reasons, List<String> codes) {
        for (DocumentFinding d : f.documents()) {
            if (d.listing() == Listing.LOST) {
                add(reasons, codes, "LOST_DOCUMENT_DISREGARDED", d.label() + " is reported lost; it is not counted as evidence");
            }
            if (d.mrz() == MrzStatus.INVALID) {
                add(reasons, codes, "MRZ_INVALID", d.label() + ": the machine-readable zone fails checks (" + String.join("; ", d.mrzProblems()) + ")");
            }
            if (!d.inconsistencies().isEmpty()) {
                add(reasons, codes, "MRZ_INCONSISTENT_WITH_DECLARED_IDENTITY", d.label() + ": " + String.join("; ", d.inconsistencies()));
            }
            if (d.expired() && d.listing() == Listing.NOT_LISTED) {
                add(reasons, codes, "DOCUMENT_EXPIRED", d.label() + " has expired; expired documents still count as proof (Annex 1)");
            }
            if (d.registry() == RegistryStanding.NOT_FOUND && d.listing() == Listing.NOT_LISTED && d.issuedByRequestedState()) {
                add(reasons, codes, "DOCUMENT_NOT_IN_REGISTRY", d.label() + ": the registry has no record of this document number");
            }
            if (d.standing(f.requestedState()) == DocumentStanding.NOT_EVIDENCE) {
                add(reasons, codes, "NOT_EVIDENCE_OF_NATIONALITY", d.label() + " is not evidence of " + f.requestedState() + " nationality");
            }
        }
        FingerprintFinding fp = f.fingerprints();
        if (fp.standing() == FingerprintStanding.UNREADABLE) {
            add(reasons, codes, "FINGERPRINTS_UNREADABLE", "the fingerprint templates sent could not be read (ISO 19794-2 or ANSI 378 expected)");
        } else if (fp.standing() == FingerprintStanding.NOT_FOUND_IN_REGISTRY) {
            add(reasons, codes, "FINGERPRINTS_NOT_IN_REGISTRY", "the fingerprints match no registry record (best score band " + fp.band() + ")");
        } else if (fp.standing() == FingerprintStanding.MATCHES_CLAIMED_IDENTITY && !reasons.get(0).contains("fingerprints")) {
            add(reasons, codes, "FINGERPRINTS_MATCH", "the fingerprints match the registry record (score band " + fp.band() + ")");
        }
        if (f.interviewRequested()) {
            add(reasons, codes, "INTERVIEW_REQUESTED_BY_SENDER", "the requesting state asked for a consular interview");
        }
    }

    private static void add(List<String> reasons, List<String> codes, String code, String reason) {
        reasons.add(reason);
        codes.add(code);
    }
}
