package org.readmission.identity.assessment;

import java.util.List;

/**
 * What the checks found about one presented document. No document number: {@code label} names the document for an
 * officer ("national passport issued by AZ").
 *
 * @param registryNationality nationality (ISO alpha-2) of the registry record the number belongs to, or null
 * @param mrzProblems         descriptions of failed zone checks
 * @param inconsistencies     descriptions of differences between the zone and the declared identity
 */
public record DocumentFinding(String label, DocumentCategory category, boolean original, boolean issuedByRequestedState,
                              MrzStatus mrz, List<String> mrzProblems, List<String> inconsistencies, boolean expired,
                              Listing listing, RegistryStanding registry, String registryNationality) {

    public DocumentFinding {
        mrzProblems = List.copyOf(mrzProblems);
        inconsistencies = List.copyOf(inconsistencies);
    }

    /** The annexes applied to this document alone (a false document never counts). */
    public DocumentStanding standing(String requestedState) {
        if (listing != Listing.NOT_LISTED) {
            return DocumentStanding.FALSE;
        }
        if (category == DocumentCategory.THIRD_COUNTRY_DOCUMENT) {
            return issuedByRequestedState ? DocumentStanding.THIRD_COUNTRY : DocumentStanding.NOT_EVIDENCE;
        }
        if (category == DocumentCategory.OTHER_OFFICIAL_DOCUMENT || !original) {
            return DocumentStanding.PRIMA_FACIE;
        }
        if (!issuedByRequestedState) {
            return DocumentStanding.NOT_EVIDENCE;
        }
        if (mrz == MrzStatus.INVALID || !inconsistencies.isEmpty() || registry == RegistryStanding.OTHER_PERSON
                || registry == RegistryStanding.SAME_PERSON && !requestedState.equals(registryNationality)) {
            return DocumentStanding.DISPUTED;
        }
        return registry == RegistryStanding.SAME_PERSON ? DocumentStanding.PROOF : DocumentStanding.PRIMA_FACIE;
    }
}
