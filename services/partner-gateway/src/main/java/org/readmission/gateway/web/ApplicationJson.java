package org.readmission.gateway.web;

import java.util.List;

import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.FingerprintTemplate;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/** Maps the JSON application to the Avro contract, so both entry points feed the same pipeline. */
final class ApplicationJson {

    private ApplicationJson() {
    }

    static ReadmissionApplicationSubmitted toAvro(ApplicationRequest json, String sender) {
        return ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId(json.applicationId())
                .setRequestingParty(party(sender))
                .setRequestedParty(party(json.requestedParty()))
                .setProcedure(json.procedure())
                .setCategory(json.category())
                .setSubmittedAt(json.submittedAt())
                .setApprehension(json.apprehension() == null ? null : apprehension(json.apprehension()))
                .setPersons(json.persons().stream().map(ApplicationJson::person).toList())
                .setRemarks(json.remarks())
                .build();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    private static Apprehension apprehension(ApplicationRequest.ApprehensionJson json) {
        return Apprehension.newBuilder()
                .setApprehendedAt(json.apprehendedAt())
                .setPlace(json.place())
                .setInBorderRegion(json.inBorderRegion())
                .setCrossedDirectlyFrom(json.crossedDirectlyFrom())
                .build();
    }

    private static Person person(ApplicationRequest.PersonJson json) {
        return Person.newBuilder()
                .setPersonId(json.personId())
                .setRole(json.role())
                .setName(PersonName.newBuilder().setGivenNames(json.givenNames()).setSurname(json.surname())
                        .setPatronymic(json.patronymic()).setNativeScript(json.nativeScript()).build())
                .setDateOfBirth(json.dateOfBirth())
                .setPlaceOfBirth(json.placeOfBirth())
                .setSex(json.sex())
                .setClaimedNationality(json.claimedNationality())
                .setDocuments(orEmpty(json.documents()).stream().map(ApplicationJson::document).toList())
                .setEvidence(orEmpty(json.evidence()).stream().map(ApplicationJson::evidence).toList())
                .setInterviewRequested(json.interviewRequested())
                .setFingerprintsAvailable(json.fingerprintsAvailable() || !orEmpty(json.fingerprints()).isEmpty())
                .setFingerprints(orEmpty(json.fingerprints()).stream().map(ApplicationJson::fingerprint).toList())
                .setProtectionClaimRaised(json.protectionClaimRaised())
                .build();
    }

    private static DocumentRef document(ApplicationRequest.DocumentJson json) {
        return DocumentRef.newBuilder()
                .setDocumentType(json.documentType())
                .setNumber(json.number())
                .setIssuingCountry(json.issuingCountry())
                .setIssuedOn(json.issuedOn())
                .setExpiresOn(json.expiresOn())
                .setCopyOnly(json.copyOnly())
                .setMachineReadableZone(json.machineReadableZone())
                .build();
    }

    private static FingerprintTemplate fingerprint(ApplicationRequest.FingerprintJson json) {
        return FingerprintTemplate.newBuilder().setFinger(json.finger())
                .setFormat(json.format() == null || json.format().isBlank() ? "ISO_19794_2_2005" : json.format())
                .setTemplate(java.nio.ByteBuffer.wrap(json.template())).build();
    }

    private static EvidenceItem evidence(ApplicationRequest.EvidenceJson json) {
        return EvidenceItem.newBuilder()
                .setEvidenceId(json.evidenceId())
                .setKind(json.kind())
                .setAnnexClass(json.annexClass())
                .setDocument(json.document() == null ? null : document(json.document()))
                .setDescription(json.description())
                .build();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
