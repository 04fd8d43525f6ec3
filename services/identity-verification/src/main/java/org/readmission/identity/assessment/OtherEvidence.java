package org.readmission.identity.assessment;

/** An evidence item that is not a document (statement, witness, language, stamps ...), with the class the sender claims. */
public record OtherEvidence(String label, EvidenceClass claimedClass) {

    /** Statements and the like are at most prima facie evidence; unclassified items are treated as prima facie. */
    EvidenceClass effectiveClass() {
        if (claimedClass == EvidenceClass.THIRD_COUNTRY_PROOF || claimedClass == EvidenceClass.THIRD_COUNTRY_PRIMA_FACIE) {
            return EvidenceClass.THIRD_COUNTRY_PRIMA_FACIE;
        }
        return EvidenceClass.PRIMA_FACIE;
    }
}
