package org.readmission.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.TransferProposed;

/** Test fixtures: applications and submissions as partners send them. */
final class Applications {

  static final Instant SUBMITTED_AT = Instant.parse("2025-03-03T09:30:00Z");

  private Applications() {
  }

  /** Germany asks Azerbaijan to readmit a family: father (passport), mother (ID card copy), child (birth certificate). */
  static ReadmissionApplicationSubmitted familyOfThree() {
    return ReadmissionApplicationSubmitted.newBuilder()
        .setApplicationId("DE-BPOL-2025-000123")
        .setRequestingParty(party("DE-BPOL"))
        .setRequestedParty(party("AZ-SMS"))
        .setProcedure(ProcedureType.ACCELERATED)
        .setCategory(PersonCategory.OWN_NATIONAL)
        .setSubmittedAt(SUBMITTED_AT)
        .setApprehension(Apprehension.newBuilder()
            .setApprehendedAt(SUBMITTED_AT.minusSeconds(86_400))
            .setPlace("Frankfurt am Main Airport")
            .setCrossedDirectlyFrom("AZ")
            .build())
        .setPersons(List.of(
            person("p1", PersonRole.MAIN_PERSON, "Elvin", "Məmmədov", LocalDate.of(1988, 4, 12), Sex.MALE,
                DocumentType.NATIONAL_PASSPORT, false, AnnexClass.PROOF),
            person("p2", PersonRole.SPOUSE, "Aynur", "Məmmədova", LocalDate.of(1990, 9, 1), Sex.FEMALE,
                DocumentType.IDENTITY_CARD, true, AnnexClass.PRIMA_FACIE),
            person("p3", PersonRole.CHILD, "Murad", "Məmmədov", LocalDate.of(2016, 1, 20), Sex.MALE,
                DocumentType.BIRTH_CERTIFICATE, false, AnnexClass.PROOF)))
        .setRemarks("Family travelling together; child is 9 years old.")
        .build();
  }

  static CaseRef caseRef() {
    return CaseRef.newBuilder()
        .setCaseId(caseId())
        .setApplicationId("DE-BPOL-2025-000123")
        .setRequestingParty(party("DE-BPOL"))
        .setRequestedParty(party("AZ-SMS"))
        .build();
  }

  static CaseId caseId() {
    return CaseId.newBuilder().setValue("RC-1F3A9C04B2D7").build();
  }

  static TransferProposed transferProposed() {
    return TransferProposed.newBuilder()
        .setCaseId(caseId())
        .setApplicationId("DE-BPOL-2025-000123")
        .setSentAt(SUBMITTED_AT.plusSeconds(20 * 86_400))
        .setProposedAt(SUBMITTED_AT.plusSeconds(30 * 86_400))
        .setBorderCrossingPoint("GYD Heydar Aliyev International Airport")
        .setFlightNumber("J2 8014")
        .setEscortCount(2)
        .setPersonIds(List.of("p1", "p2", "p3"))
        .build();
  }

  static RecordPartnerSubmission recordedTransferProposal() {
    return RecordPartnerSubmission.newBuilder()
        .setCaseRef(caseRef())
        .setReceivedAt(SUBMITTED_AT.plusSeconds(20 * 86_400 + 2))
        .setSubmissionId("0b7f6f0e-7d1c-3d47-9f4e-2f6c2b8f7a10")
        .setSubmissionType("org.readmission.transfer.proposed.v1")
        .setPayload(transferProposed())
        .build();
  }

  static PartyCode party(String code) {
    return PartyCode.newBuilder().setValue(code).build();
  }

  private static Person person(String id, PersonRole role, String givenNames, String surname, LocalDate born,
                               Sex sex, DocumentType document, boolean copyOnly, AnnexClass annexClass) {
    DocumentRef documentRef = DocumentRef.newBuilder()
        .setDocumentType(document)
        .setNumber("C0" + id.toUpperCase() + "77421")
        .setIssuingCountry("AZ")
        .setExpiresOn(LocalDate.of(2030, 1, 1))
        .setCopyOnly(copyOnly)
        .build();
    return Person.newBuilder()
        .setPersonId(id)
        .setRole(role)
        .setName(PersonName.newBuilder().setGivenNames(givenNames).setSurname(surname).build())
        .setDateOfBirth(born)
        .setPlaceOfBirth("Gəncə")
        .setSex(sex)
        .setClaimedNationality("AZ")
        .setDocuments(List.of(documentRef))
        .setEvidence(List.of(EvidenceItem.newBuilder()
            .setEvidenceId(id + "-e1")
            .setKind(copyOnly ? EvidenceKind.DOCUMENT_COPY : EvidenceKind.DOCUMENT)
            .setAnnexClass(annexClass)
            .setDocument(documentRef)
            .build()))
        .setFingerprintsAvailable(true)
        .build();
  }
}
