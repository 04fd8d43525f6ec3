package org.readmission.identity.assessment;

import java.util.ArrayList;
import java.util.List;

/** Applies the {@link VerificationRule} table to the findings, and adds what an officer should also know. */
public final class EvidenceAssessment {

    private EvidenceAssessment() {
    }

    public static Assessment assess(Findings findings) {
        VerificationRule rule = java.util.Arrays.stream(VerificationRule.values()).filter(r -> r.appliesTo(findings))
                .findFirst().orElseThrow();
        List<String> reasons = new ArrayList<>(List.of(rule.reasonFor(findings)));
        List<String> codes = new ArrayList<>(List.of(rule.name()));
        Notes.addTo(findings, reasons, codes);
        return new Assessment(rule.outcome(), rule, strongestClass(findings), reasons, codes, findings.fingerprints().band());
    }

    static EvidenceClass strongestClass(Findings f) {
        if (f.anyDocument(DocumentStanding.PROOF) || f.fingerprintsConfirmNational()) {
            return EvidenceClass.PROOF;
        }
        if (f.anyDocument(DocumentStanding.PRIMA_FACIE) || f.otherEvidence().stream().anyMatch(e -> e.effectiveClass() == EvidenceClass.PRIMA_FACIE)) {
            return EvidenceClass.PRIMA_FACIE;
        }
        if (f.anyDocument(DocumentStanding.THIRD_COUNTRY)) {
            return EvidenceClass.THIRD_COUNTRY_PROOF;
        }
        if (!f.otherEvidence().isEmpty()) {
            return EvidenceClass.THIRD_COUNTRY_PRIMA_FACIE;
        }
        return EvidenceClass.UNCLASSIFIED;
    }
}
