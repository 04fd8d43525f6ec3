package org.readmission.local;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/** The system test's application (fictitious persons): Germany asks Azerbaijan to readmit a couple, normal procedure. */
final class TwoPersonApplication {

    static final String REQUESTING = "DE-BPOL";
    static final String REQUESTED = "AZ-SMS";
    static final List<String> PERSON_IDS = List.of("p1", "p2");

    private TwoPersonApplication() {
    }

    static ReadmissionApplicationSubmitted of(String applicationId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId(applicationId)
                .setRequestingParty(party(REQUESTING))
                .setRequestedParty(party(REQUESTED))
                .setProcedure(ProcedureType.NORMAL)
                .setCategory(PersonCategory.OWN_NATIONAL)
                .setSubmittedAt(now.minusSeconds(60))
                .setApprehension(null)
                .setPersons(List.of(
                        person("p1", PersonRole.MAIN_PERSON, "Rəşad", "Quliyev", LocalDate.of(1985, 7, 2), Sex.MALE,
                                evidence("e1", EvidenceKind.DOCUMENT, AnnexClass.PROOF, DocumentType.NATIONAL_PASSPORT,
                                        "C07654321", false)),
                        person("p2", PersonRole.SPOUSE, "Leyla", "Quliyeva", LocalDate.of(1990, 2, 14), Sex.FEMALE,
                                evidence("e2", EvidenceKind.DOCUMENT_COPY, AnnexClass.PRIMA_FACIE,
                                        DocumentType.IDENTITY_CARD, "AZE7654321", true))))
                .setRemarks(null)
                .build();
    }

    static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    private static Person person(String id, PersonRole role, String given, String surname, LocalDate born, Sex sex,
                                 EvidenceItem evidence) {
        return Person.newBuilder()
                .setPersonId(id)
                .setRole(role)
                .setName(PersonName.newBuilder().setGivenNames(given).setSurname(surname).setPatronymic(null)
                        .setNativeScript(null).build())
                .setDateOfBirth(born)
                .setPlaceOfBirth("Sumqayıt")
                .setSex(sex)
                .setClaimedNationality("AZ")
                .setDocuments(List.of())
                .setEvidence(List.of(evidence))
                .setInterviewRequested(false)
                .setFingerprintsAvailable(false)
                .setProtectionClaimRaised(false)
                .build();
    }

    private static EvidenceItem evidence(String id, EvidenceKind kind, AnnexClass annex, DocumentType type,
                                         String number, boolean copy) {
        return EvidenceItem.newBuilder()
                .setEvidenceId(id)
                .setKind(kind)
                .setAnnexClass(annex)
                .setDocument(DocumentRef.newBuilder().setDocumentType(type).setNumber(number).setIssuingCountry("AZ")
                        .setIssuedOn(LocalDate.of(2020, 3, 10)).setExpiresOn(LocalDate.of(2030, 3, 9))
                        .setCopyOnly(copy).build())
                .setDescription(null)
                .build();
    }
}
