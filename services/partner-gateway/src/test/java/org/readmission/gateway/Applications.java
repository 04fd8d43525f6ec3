package org.readmission.gateway;

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
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/** Realistic applications (fictitious persons) for tests. */
public final class Applications {

    private Applications() {
    }

    /** Germany asks Azerbaijan to readmit a family: father with a passport, mother with a copy of an ID card, a child to be interviewed. */
    public static ReadmissionApplicationSubmitted.Builder familyOfThree(String applicationId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId(applicationId)
                .setRequestingParty(party("DE-BPOL"))
                .setRequestedParty(party("AZ-SMS"))
                .setProcedure(ProcedureType.NORMAL)
                .setCategory(PersonCategory.OWN_NATIONAL)
                .setSubmittedAt(now.minusSeconds(60))
                .setApprehension(null)
                .setPersons(List.of(
                        person("p1", PersonRole.MAIN_PERSON, "Elvin", "Məmmədov", LocalDate.of(1988, 4, 12), Sex.MALE,
                                List.of(evidence("e1", EvidenceKind.DOCUMENT, AnnexClass.PROOF, DocumentType.NATIONAL_PASSPORT, "C01234567", false)), false),
                        person("p2", PersonRole.SPOUSE, "Aynur", "Məmmədova", LocalDate.of(1991, 9, 3), Sex.FEMALE,
                                List.of(evidence("e2", EvidenceKind.DOCUMENT_COPY, AnnexClass.PRIMA_FACIE, DocumentType.IDENTITY_CARD, "AZE1234567", true)), false),
                        person("p3", PersonRole.CHILD, "Murad", "Məmmədov", LocalDate.of(2016, 1, 22), Sex.MALE, List.of(), true)))
                .setRemarks(null);
    }

    /** A person apprehended in the border region an hour before the application: accelerated procedure. */
    public static ReadmissionApplicationSubmitted.Builder acceleratedAtBorder(String applicationId) {
        ReadmissionApplicationSubmitted.Builder builder = familyOfThree(applicationId).setProcedure(ProcedureType.ACCELERATED);
        Instant submitted = builder.getSubmittedAt();
        return builder.setApprehension(Apprehension.newBuilder()
                .setApprehendedAt(submitted.minus(1, ChronoUnit.HOURS))
                .setPlace("Frankfurt (Oder)")
                .setInBorderRegion(true)
                .setCrossedDirectlyFrom("AZ")
                .build());
    }

    public static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    public static Person person(String id, PersonRole role, String given, String surname, LocalDate born, Sex sex,
                                List<EvidenceItem> evidence, boolean interview) {
        return Person.newBuilder()
                .setPersonId(id)
                .setRole(role)
                .setName(PersonName.newBuilder().setGivenNames(given).setSurname(surname).setPatronymic(null).setNativeScript(null).build())
                .setDateOfBirth(born)
                .setPlaceOfBirth("Gəncə")
                .setSex(sex)
                .setClaimedNationality("AZ")
                .setDocuments(List.of())
                .setEvidence(evidence)
                .setInterviewRequested(interview)
                .setFingerprintsAvailable(false)
                .setProtectionClaimRaised(false)
                .build();
    }

    public static EvidenceItem evidence(String id, EvidenceKind kind, AnnexClass annex, DocumentType type, String number, boolean copy) {
        return EvidenceItem.newBuilder()
                .setEvidenceId(id)
                .setKind(kind)
                .setAnnexClass(annex)
                .setDocument(DocumentRef.newBuilder().setDocumentType(type).setNumber(number).setIssuingCountry("AZ")
                        .setIssuedOn(LocalDate.of(2019, 5, 1)).setExpiresOn(LocalDate.of(2029, 4, 30)).setCopyOnly(copy).build())
                .setDescription(null)
                .build();
    }
}
