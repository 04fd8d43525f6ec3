package org.readmission.caseworkflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.cases.OpenReadmissionCase;
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
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.ProtectionConcern;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ProtectionConcernRaised;
import org.readmission.events.partner.TransferProposed;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;

/**
 * What the partner gateway and identity verification send to this service, built and sent as they do:
 * Avro single-object encoding, CloudEvents headers, key = case id. Fictitious persons.
 */
public final class CaseCommands implements AutoCloseable {

    public static final String REQUESTING = "DE-BPOL";
    public static final String REQUESTED = "AZ-SMS";

    private final AvroCodec codec = new AvroCodec(EventCatalog.v1());
    private final KafkaProducer<String, byte[]> producer;

    public CaseCommands(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public static String newCaseId() {
        return "RC-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    public static CaseRef caseRef(String caseId) {
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                .setApplicationId("APP-" + caseId).setRequestingParty(party(REQUESTING)).setRequestedParty(party(REQUESTED))
                .build();
    }

    /** Germany asks Azerbaijan to readmit a couple: he with a passport, she with a copy of her identity card. */
    public static OpenReadmissionCase openCase(String caseId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ReadmissionApplicationSubmitted application = ReadmissionApplicationSubmitted.newBuilder()
                .setApplicationId("APP-" + caseId).setRequestingParty(party(REQUESTING)).setRequestedParty(party(REQUESTED))
                .setProcedure(ProcedureType.NORMAL).setCategory(PersonCategory.OWN_NATIONAL).setSubmittedAt(now.minusSeconds(60))
                .setApprehension(null)
                .setPersons(List.of(
                        person("p1", PersonRole.MAIN_PERSON, "Elvin", "Məmmədov", LocalDate.of(1988, 4, 12), Sex.MALE,
                                evidence("e1", EvidenceKind.DOCUMENT, AnnexClass.PROOF, DocumentType.NATIONAL_PASSPORT, false)),
                        person("p2", PersonRole.SPOUSE, "Aynur", "Məmmədova", LocalDate.of(1991, 9, 3), Sex.FEMALE,
                                evidence("e2", EvidenceKind.DOCUMENT_COPY, AnnexClass.PRIMA_FACIE, DocumentType.IDENTITY_CARD, true))))
                .setRemarks(null).build();
        return OpenReadmissionCase.newBuilder().setCaseRef(caseRef(caseId)).setReceivedAt(now)
                .setSubmissionId(UUID.randomUUID().toString()).setApplication(application).build();
    }

    public static RecordPartnerSubmission decision(String caseId, ReadmissionDecisionType type, RefusalReason... reasons) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        boolean approved = type == ReadmissionDecisionType.APPROVED;
        ReadmissionDecisionSubmitted decision = ReadmissionDecisionSubmitted.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setSentAt(now).setDecision(type)
                .setPersonOutcomes(List.of("p1", "p2").stream().map(p -> PersonOutcome.newBuilder().setPersonId(p)
                        .setApproved(approved).setRefusalReasons(approved ? List.of() : List.of(reasons)).build()).toList())
                .setMotivation(approved ? "Nationality established by the passport and the identity card."
                        : "The documents could not be matched to the registry.")
                .setDecidedAt(now).build();
        return RecordPartnerSubmission.newBuilder().setCaseRef(caseRef(caseId)).setReceivedAt(now)
                .setSubmissionId(UUID.randomUUID().toString()).setSubmissionType("org.readmission.decision.submitted.v1")
                .setPayload(decision).build();
    }

    /** The requesting party proposes the transfer of the given persons. */
    public static RecordPartnerSubmission transferProposed(String caseId, Instant at, String crossingPoint, String... personIds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TransferProposed proposal = TransferProposed.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setSentAt(now).setProposedAt(at).setBorderCrossingPoint(crossingPoint).setFlightNumber("J2 8016")
                .setEscortCount(2).setPersonIds(List.of(personIds)).build();
        return RecordPartnerSubmission.newBuilder().setCaseRef(caseRef(caseId)).setReceivedAt(now)
                .setSubmissionId(UUID.randomUUID().toString()).setSubmissionType("org.readmission.transfer.proposed.v1")
                .setPayload(proposal).build();
    }

    /** A party reports a protection concern for one person. */
    public static RecordPartnerSubmission protectionConcern(String caseId, String personId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProtectionConcernRaised concern = ProtectionConcernRaised.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setSentAt(now).setPersonId(personId).setConcern(ProtectionConcern.ASYLUM_CLAIM).setDetails(null).build();
        return RecordPartnerSubmission.newBuilder().setCaseRef(caseRef(caseId)).setReceivedAt(now)
                .setSubmissionId(UUID.randomUUID().toString()).setSubmissionType("org.readmission.protection.concern-raised.v1")
                .setPayload(concern).build();
    }

    /** The requesting party corrects the surname and date of birth of the main person, p1, of {@link #openCase}. */
    public static RecordPartnerSubmission correction(String caseId, String surname, LocalDate born) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Person corrected = person("p1", PersonRole.MAIN_PERSON, "Elvin", surname, born, Sex.MALE,
                evidence("e1", EvidenceKind.DOCUMENT, AnnexClass.PROOF, DocumentType.NATIONAL_PASSPORT, false));
        PersonalDataCorrected correction = PersonalDataCorrected.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setSentAt(now).setPerson(corrected).setCorrectedFields(List.of("name", "dateOfBirth"))
                .setNote("misspelt in the first application").build();
        return RecordPartnerSubmission.newBuilder().setCaseRef(caseRef(caseId)).setReceivedAt(now)
                .setSubmissionId(UUID.randomUUID().toString()).setSubmissionType("org.readmission.personal-data.corrected.v1")
                .setSender(party(REQUESTING)).setPayload(correction).build();
    }

    public static IdentityVerificationCompleted verified(String caseId, String personId, VerificationOutcome outcome) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return IdentityVerificationCompleted.newBuilder().setCaseRef(caseRef(caseId)).setOccurredAt(now)
                .setPersonId(personId).setOutcome(outcome).setReasons(List.of("passport found in the registry"))
                .setEvidenceClass(AnnexClass.PROOF).setFingerprintScoreBand(null).setCompletedAt(now).build();
    }

    /** Sends as the partner gateway does ({@code ce_source=partner-gateway}); returns the ce_id. */
    public String sendCommand(SpecificRecord command) {
        return send(Topics.CASE_COMMANDS, command, UUID.randomUUID().toString(), "partner-gateway");
    }

    public String sendVerification(IdentityVerificationCompleted result) {
        return send(Topics.IDENTITY_VERIFICATION_RESULTS, result, UUID.randomUUID().toString(), "identity-verification");
    }

    public String send(String topic, SpecificRecord event, String ceId, String source) {
        String caseId = ((CaseRef) ((org.apache.avro.generic.GenericRecord) event).get("caseRef")).getCaseId().getValue();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, caseId, codec.encode(event));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(EventCatalog.v1().of(event.getClass()), ceId,
                source, caseId, Instant.now()));
        sendRaw(record);
        return ceId;
    }

    public void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("test could not send to " + record.topic(), e);
        }
    }

    public SpecificRecord decode(byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    private static Person person(String id, PersonRole role, String given, String surname, LocalDate born, Sex sex,
                                 EvidenceItem evidence) {
        return Person.newBuilder().setPersonId(id).setRole(role)
                .setName(PersonName.newBuilder().setGivenNames(given).setSurname(surname).setPatronymic(null).setNativeScript(null).build())
                .setDateOfBirth(born).setPlaceOfBirth("Gəncə").setSex(sex).setClaimedNationality("AZ")
                .setDocuments(List.of()).setEvidence(List.of(evidence)).setInterviewRequested(false)
                .setFingerprintsAvailable(false).setProtectionClaimRaised(false).build();
    }

    private static EvidenceItem evidence(String id, EvidenceKind kind, AnnexClass annex, DocumentType type, boolean copy) {
        return EvidenceItem.newBuilder().setEvidenceId(id).setKind(kind).setAnnexClass(annex)
                .setDocument(DocumentRef.newBuilder().setDocumentType(type).setNumber("C0" + id.hashCode())
                        .setIssuingCountry("AZ").setIssuedOn(null).setExpiresOn(null).setCopyOnly(copy).build())
                .setDescription(null).build();
    }
}
