package org.readmission.identity.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The annexes, rule by rule (the requested state is Azerbaijan). */
class EvidenceAssessmentTest {

    static final String AZ = "AZ";

    @Test
    void confirmsANationalWithAValidPassportThatTheRegistryKnows() {
        Assessment result = EvidenceAssessment.assess(findings(passport().build()));

        assertThat(result.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(result.evidenceClass()).isEqualTo(EvidenceClass.PROOF);
        assertThat(result.reasonCodes()).containsExactly("PROOF_FOUND");
    }

    @Test
    void anExpiredPassportStillProvesNationality() {
        Assessment result = EvidenceAssessment.assess(findings(passport().expired().build()));

        assertThat(result.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(result.reasonCodes()).containsExactly("PROOF_FOUND", "DOCUMENT_EXPIRED");
    }

    @Test
    void refusesWhenAForgedDocumentIsPresentedEvenNextToProof() {
        Assessment result = EvidenceAssessment.assess(findings(passport().build(), passport().listed(Listing.FORGED).build()));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
        assertThat(result.decidedBy()).isEqualTo(VerificationRule.FALSE_DOCUMENT_PRESENTED);
        assertThat(result.reasons().get(0)).contains("forged").contains("never counts as evidence");
    }

    @Test
    void refusesAStolenPassport() {
        assertThat(EvidenceAssessment.assess(findings(passport().listed(Listing.STOLEN).build())).outcome())
                .isEqualTo(Outcome.NOT_CONFIRMED);
    }

    @Test
    void disregardsALostDocumentAndAsksForAnInterview() {
        Assessment result = EvidenceAssessment.assess(findings(passport().listed(Listing.LOST).build()));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.reasonCodes()).contains("LOST_DOCUMENT_DISREGARDED");
        assertThat(result.evidenceClass()).isEqualTo(EvidenceClass.UNCLASSIFIED);
    }

    @Test
    void refusesWhenFingerprintsContradictTheClaimedIdentity() {
        Findings findings = new Findings(AZ, List.of(passport().build()), List.of(),
                new FingerprintFinding(FingerprintStanding.CONTRADICTS_CLAIMED_IDENTITY, "NO_MATCH (score < 20)", AZ), false);

        Assessment result = EvidenceAssessment.assess(findings);

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
        assertThat(result.reasons().get(0)).contains("fingerprints do not match").contains("NO_MATCH");
        assertThat(result.fingerprintBand()).isEqualTo("NO_MATCH (score < 20)");
    }

    @Test
    void refusesWhenTheRegistryRecordsAnotherNationality() {
        Assessment result = EvidenceAssessment.assess(findings(passport().registryNationality("GE").build()));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
        assertThat(result.decidedBy()).isEqualTo(VerificationRule.REGISTRY_RECORDS_OTHER_NATIONALITY);
    }

    @Test
    void refusesWhenTheDocumentNumberBelongsToSomeoneElse() {
        Assessment result = EvidenceAssessment.assess(findings(passport().registry(RegistryStanding.OTHER_PERSON).build()));

        assertThat(result.outcome()).isEqualTo(Outcome.NOT_CONFIRMED);
        assertThat(result.decidedBy()).isEqualTo(VerificationRule.DOCUMENT_REGISTERED_TO_ANOTHER_PERSON);
    }

    @Test
    void aPassportCopyIsOnlyPrimaFacieEvidence() {
        Assessment result = EvidenceAssessment.assess(findings(passport().copy().build()));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.evidenceClass()).isEqualTo(EvidenceClass.PRIMA_FACIE);
        assertThat(result.decidedBy()).isEqualTo(VerificationRule.PRIMA_FACIE_ONLY);
    }

    @Test
    void aBirthCertificateOrAStatementLeadsToAnInterview() {
        DocumentFinding birthCertificate = new DocumentFinding("birth certificate issued by AZ", DocumentCategory.OTHER_OFFICIAL_DOCUMENT,
                true, true, MrzStatus.ABSENT, List.of(), List.of(), false, Listing.NOT_LISTED, RegistryStanding.NOT_SEARCHED, null);
        Findings findings = new Findings(AZ, List.of(birthCertificate), List.of(new OtherEvidence("own statement", EvidenceClass.PRIMA_FACIE)),
                FingerprintFinding.notCompared(), false);

        Assessment result = EvidenceAssessment.assess(findings);

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.reasons().get(0)).contains("birth certificate").contains("own statement").contains("interview");
    }

    @Test
    void aPassportWithAFailingZoneIsDisputed() {
        Assessment result = EvidenceAssessment.assess(findings(passport().invalidZone().build()));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.decidedBy()).isEqualTo(VerificationRule.NO_EVIDENCE_OR_DISPUTED);
        assertThat(result.reasonCodes()).contains("MRZ_INVALID");
    }

    @Test
    void aPassportTheRegistryDoesNotKnowIsNotProof() {
        Assessment result = EvidenceAssessment.assess(findings(passport().registry(RegistryStanding.NOT_FOUND).build()));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.reasonCodes()).contains("DOCUMENT_NOT_IN_REGISTRY");
    }

    @Test
    void fingerprintsFoundInTheRegistryProveNationalityWithoutDocuments() {
        Findings findings = new Findings(AZ, List.of(), List.of(),
                new FingerprintFinding(FingerprintStanding.IDENTIFIED_IN_REGISTRY, "HIGH (score >= 80)", AZ), false);

        Assessment result = EvidenceAssessment.assess(findings);

        assertThat(result.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(result.reasons().get(0)).contains("fingerprints match");
    }

    @Test
    void mentionsMatchingFingerprintsNextToDocumentProof() {
        Findings findings = new Findings(AZ, List.of(passport().build()), List.of(),
                new FingerprintFinding(FingerprintStanding.MATCHES_CLAIMED_IDENTITY, "HIGH (score >= 80)", AZ), false);

        Assessment result = EvidenceAssessment.assess(findings);

        assertThat(result.reasonCodes()).containsExactly("PROOF_FOUND", "FINGERPRINTS_MATCH");
        assertThat(result.fingerprintBand()).isEqualTo("HIGH (score >= 80)");
    }

    @Test
    void nothingAtAllLeadsToAnInterview() {
        Assessment result = EvidenceAssessment.assess(new Findings(AZ, List.of(), List.of(), FingerprintFinding.notCompared(), false));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.evidenceClass()).isEqualTo(EvidenceClass.UNCLASSIFIED);
        assertThat(result.reasons().get(0)).startsWith("no evidence of AZ nationality");
    }

    @Test
    void aForeignPassportIsNoEvidenceOfThisNationality() {
        Assessment result = EvidenceAssessment.assess(findings(passport().issuedElsewhere().build()));

        assertThat(result.outcome()).isEqualTo(Outcome.INTERVIEW_REQUIRED);
        assertThat(result.reasonCodes()).contains("NOT_EVIDENCE_OF_NATIONALITY");
    }

    private static Findings findings(DocumentFinding... documents) {
        return new Findings(AZ, List.of(documents), List.of(), FingerprintFinding.notCompared(), false);
    }

    static PassportBuilder passport() {
        return new PassportBuilder();
    }

    /** A valid national passport of Azerbaijan that the registry knows, changed one fact at a time. */
    static final class PassportBuilder {
        private boolean original = true;
        private boolean domestic = true;
        private MrzStatus mrz = MrzStatus.VALID;
        private boolean expired;
        private Listing listing = Listing.NOT_LISTED;
        private RegistryStanding registry = RegistryStanding.SAME_PERSON;
        private String nationality = AZ;

        PassportBuilder copy() {
            original = false;
            return this;
        }

        PassportBuilder issuedElsewhere() {
            domestic = false;
            registry = RegistryStanding.NOT_SEARCHED;
            nationality = null;
            return this;
        }

        PassportBuilder invalidZone() {
            mrz = MrzStatus.INVALID;
            return this;
        }

        PassportBuilder expired() {
            expired = true;
            return this;
        }

        PassportBuilder listed(Listing listing) {
            this.listing = listing;
            return this;
        }

        PassportBuilder registry(RegistryStanding registry) {
            this.registry = registry;
            return this;
        }

        PassportBuilder registryNationality(String nationality) {
            this.nationality = nationality;
            return this;
        }

        DocumentFinding build() {
            return new DocumentFinding("national passport issued by " + (domestic ? AZ : "GE"), DocumentCategory.NATIONALITY_DOCUMENT,
                    original, domestic, mrz, mrz == MrzStatus.INVALID ? List.of("the composite check digit is wrong") : List.of(),
                    List.of(), expired, listing, registry, nationality);
        }
    }
}
