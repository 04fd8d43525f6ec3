package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readmission.workflow.AnnexClass.NONE;
import static org.readmission.workflow.AnnexClass.PRIMA_FACIE;
import static org.readmission.workflow.AnnexClass.PROOF;
import static org.readmission.workflow.AnnexClass.THIRD_COUNTRY_PRIMA_FACIE;
import static org.readmission.workflow.AnnexClass.THIRD_COUNTRY_PROOF;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DMN {@code EvidenceClassification}, line by line of the annexes of the agreement. */
class EvidenceClassificationTest {

  static final EvidenceClassification RULES = EvidenceClassification.fromClasspath();
  static final String NATIONAL = "OWN_NATIONAL";
  static final String THIRD_COUNTRY = "THIRD_COUNTRY_NATIONAL";
  static final String STATELESS = "STATELESS_PERSON";

  static AnnexClass classify(Evidence evidence) {
    return RULES.classify(evidence);
  }

  static Evidence document(String type) {
    return Evidence.document("P1", NATIONAL, type);
  }

  static Evidence other(String kind) {
    return Evidence.other("P1", NATIONAL, kind);
  }

  @Nested
  class Annex1ProofOfNationality {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NATIONAL_PASSPORT", "DIPLOMATIC_PASSPORT", "SERVICE_PASSPORT", "SUBSTITUTE_PASSPORT"})
    void passportsOfAnyKind(String passport) {
      assertThat(classify(document(passport))).isEqualTo(PROOF);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"IDENTITY_CARD", "TEMPORARY_IDENTITY_CARD"})
    void identityCardsIncludingTemporaryOnes(String card) {
      assertThat(classify(document(card))).isEqualTo(PROOF);
    }

    @Test
    void citizenshipCertificatesAndOtherOfficialDocumentsThatStateCitizenship() {
      assertThat(classify(document("CITIZENSHIP_CERTIFICATE"))).isEqualTo(PROOF);
    }

    @Test
    void expiredDocumentsStillCount() {
      assertThat(classify(document("NATIONAL_PASSPORT").expired())).isEqualTo(PROOF);
      assertThat(classify(document("IDENTITY_CARD").expired())).isEqualTo(PROOF);
    }
  }

  @Nested
  class Annex2PrimaFacieEvidenceOfNationality {

    @Test
    void photocopiesOfTheDocumentsOfAnnex1() {
      assertThat(classify(document("NATIONAL_PASSPORT").copy())).isEqualTo(PRIMA_FACIE);
      assertThat(classify(new Evidence("P1", NATIONAL, "DOCUMENT_COPY", "IDENTITY_CARD", false, false, false)))
          .isEqualTo(PRIMA_FACIE);
      assertThat(classify(document("CITIZENSHIP_CERTIFICATE").copy())).isEqualTo(PRIMA_FACIE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DRIVING_LICENCE", "BIRTH_CERTIFICATE", "COMPANY_OR_SERVICE_ID", "MILITARY_SERVICE_BOOK",
        "SEAMANS_BOOK"})
    void drivingLicencesBirthCertificatesServiceIdsMilitaryAndSeamansBooks(String type) {
      assertThat(classify(document(type))).isEqualTo(PRIMA_FACIE);
      assertThat(classify(document(type).copy())).isEqualTo(PRIMA_FACIE);
    }

    @Test
    void statementsOfWitnesses() {
      assertThat(classify(other("WITNESS_STATEMENT"))).isEqualTo(PRIMA_FACIE);
    }

    @Test
    void thePersonsOwnStatement() {
      assertThat(classify(other("OWN_STATEMENT"))).isEqualTo(PRIMA_FACIE);
    }

    @Test
    void languageSpokenIncludingTheResultOfAnOfficialTest() {
      assertThat(classify(other("LANGUAGE"))).isEqualTo(PRIMA_FACIE);
    }

    @Test
    void anyOtherDocumentThatMayHelp() {
      assertThat(classify(document("OTHER"))).isEqualTo(PRIMA_FACIE);
    }
  }

  @Nested
  class Annexes3And4ThirdCountryNationals {

    @Test
    void visaOrResidencePermitIssuedByTheRequestedStateIsProof() {
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "VISA"))).isEqualTo(THIRD_COUNTRY_PROOF);
      assertThat(classify(Evidence.document("P1", STATELESS, "RESIDENCE_PERMIT"))).isEqualTo(THIRD_COUNTRY_PROOF);
    }

    @Test
    void entryAndExitStampsAreProof() {
      assertThat(classify(Evidence.other("P1", THIRD_COUNTRY, "ENTRY_EXIT_STAMP"))).isEqualTo(THIRD_COUNTRY_PROOF);
    }

    @Test
    void aCopyOfTheVisaIsPrimaFacieEvidence() {
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "VISA").copy())).isEqualTo(THIRD_COUNTRY_PRIMA_FACIE);
    }

    @Test
    void ticketsHotelBillsAndOtherDocumentsProvingStayOrTransit() {
      assertThat(classify(Evidence.other("P1", THIRD_COUNTRY, "TICKET_OR_HOTEL_BILL"))).isEqualTo(THIRD_COUNTRY_PRIMA_FACIE);
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "TRAVEL_TICKET"))).isEqualTo(THIRD_COUNTRY_PRIMA_FACIE);
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "OTHER"))).isEqualTo(THIRD_COUNTRY_PRIMA_FACIE);
    }

    @Test
    void witnessStatements() {
      assertThat(classify(Evidence.other("P1", THIRD_COUNTRY, "WITNESS_STATEMENT"))).isEqualTo(THIRD_COUNTRY_PRIMA_FACIE);
    }

    @Test
    void aThirdCountryPassportDoesNotProveTheConditionsOfReadmission() {
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "NATIONAL_PASSPORT"))).isEqualTo(NONE);
    }
  }

  @Nested
  class NothingCounts {

    @Test
    void falsifiedDocumentsNeverCount() {
      assertThat(classify(document("NATIONAL_PASSPORT").falsified())).isEqualTo(NONE);
      assertThat(classify(document("IDENTITY_CARD").copy().falsified())).isEqualTo(NONE);
      assertThat(classify(Evidence.document("P1", THIRD_COUNTRY, "VISA").falsified())).isEqualTo(NONE);
    }

    @Test
    void aVisaDoesNotEstablishNationality() {
      assertThat(classify(document("VISA"))).isEqualTo(NONE);
    }

    @Test
    void evidenceTheAnnexesDoNotName() {
      assertThat(classify(other("OTHER"))).isEqualTo(NONE);
    }
  }

  @Nested
  class TheCaseAsAWhole {

    @Test
    void eachPersonCountsWithTheirStrongestItem() {
      List<Evidence> evidence = List.of(
          Evidence.other("P1", NATIONAL, "OWN_STATEMENT"),
          Evidence.document("P1", NATIONAL, "NATIONAL_PASSPORT"));

      assertThat(RULES.summarise(List.of("P1"), evidence)).isEqualTo(EvidenceSummary.PROOF);
    }

    @Test
    void theCaseCountsWithItsWeakestPerson() {
      List<Evidence> evidence = List.of(
          Evidence.document("P1", NATIONAL, "NATIONAL_PASSPORT"),
          Evidence.document("P2", NATIONAL, "BIRTH_CERTIFICATE"));

      assertThat(RULES.summarise(List.of("P1", "P2"), evidence)).isEqualTo(EvidenceSummary.PRIMA_FACIE);
    }

    @Test
    void aPersonWithoutEvidenceNeedsAnInterview() {
      List<Evidence> evidence = List.of(Evidence.document("P1", NATIONAL, "NATIONAL_PASSPORT"));

      assertThat(RULES.summarise(List.of("P1", "P2"), evidence)).isEqualTo(EvidenceSummary.INTERVIEW_REQUIRED);
    }

    @Test
    void aFalsifiedPassportLeavesOnlyTheInterview() {
      List<Evidence> evidence = List.of(Evidence.document("P1", NATIONAL, "NATIONAL_PASSPORT").falsified());

      assertThat(RULES.summarise(List.of("P1"), evidence)).isEqualTo(EvidenceSummary.INTERVIEW_REQUIRED);
    }
  }
}
