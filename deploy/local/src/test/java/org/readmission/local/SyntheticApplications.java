package org.readmission.local;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.identity.testdata.SyntheticDocument;
import org.readmission.identity.testdata.SyntheticPerson;
import org.readmission.identity.testdata.SyntheticRegistry;

/**
 * Germany's applications for persons of the synthetic registry that identity-verification seeds in the stack
 * ({@code --readmission.identity.demo-registry.seed=true}: seed 4, 60 persons, the same persons as here).
 */
final class SyntheticApplications {

    static final String REQUESTING = "DE-BPOL";
    static final String REQUESTED = "AZ-SMS";
    static final SyntheticRegistry REGISTRY = SyntheticRegistry.generate(4L, 60);

    private SyntheticApplications() {
    }

    static ReadmissionApplicationSubmitted application(String applicationId, Person... persons) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId(applicationId)
                .setRequestingParty(TwoPersonApplication.party(REQUESTING))
                .setRequestedParty(TwoPersonApplication.party(REQUESTED))
                .setProcedure(ProcedureType.NORMAL)
                .setCategory(PersonCategory.OWN_NATIONAL)
                .setSubmittedAt(now.minusSeconds(60))
                .setApprehension(null)
                .setPersons(List.of(persons))
                .setRemarks(null)
                .build();
    }

    /** The person with an original document of theirs (passport or identity card, valid zone): proof (Annex 1). */
    static Person withOriginal(String personId, PersonRole role, SyntheticPerson who, SyntheticDocument document) {
        DocumentRef ref = document(document);
        return person(personId, role, who, List.of(ref), EvidenceItem.newBuilder().setEvidenceId(personId + "-e1")
                .setKind(EvidenceKind.DOCUMENT).setAnnexClass(AnnexClass.PROOF).setDocument(ref)
                .setDescription(null).build());
    }

    /** The person with nothing but a photocopy of a birth certificate: prima facie evidence only (Annex 2). */
    static Person withBirthCertificateCopy(String personId, SyntheticPerson who) {
        return person(personId, PersonRole.MAIN_PERSON, who, List.of(), EvidenceItem.newBuilder()
                .setEvidenceId(personId + "-e1").setKind(EvidenceKind.DOCUMENT_COPY).setAnnexClass(AnnexClass.PRIMA_FACIE)
                .setDocument(DocumentRef.newBuilder().setDocumentType(DocumentType.BIRTH_CERTIFICATE).setIssuingCountry("AZ")
                        .setCopyOnly(true).build())
                .setDescription("photocopy of a birth certificate").build());
    }

    private static DocumentRef document(SyntheticDocument document) {
        return DocumentRef.newBuilder().setDocumentType(DocumentType.valueOf(document.kind())).setNumber(document.number())
                .setIssuingCountry(document.issuingCountry()).setIssuedOn(document.issuedOn())
                .setExpiresOn(document.expiresOn()).setCopyOnly(false)
                .setMachineReadableZone(document.machineReadableZone()).build();
    }

    private static Person person(String personId, PersonRole role, SyntheticPerson who, List<DocumentRef> documents,
                                 EvidenceItem evidence) {
        return Person.newBuilder()
                .setPersonId(personId)
                .setRole(role)
                .setName(PersonName.newBuilder().setGivenNames(who.givenNames()).setSurname(who.surname())
                        .setPatronymic(who.patronymic()).setNativeScript(null).build())
                .setDateOfBirth(who.dateOfBirth())
                .setPlaceOfBirth(null)
                .setSex(who.sex() == 'F' ? Sex.FEMALE : Sex.MALE)
                .setClaimedNationality("AZ")
                .setDocuments(documents)
                .setEvidence(List.of(evidence))
                .setInterviewRequested(false)
                .setFingerprintsAvailable(false)
                .setProtectionClaimRaised(false)
                .build();
    }
}
