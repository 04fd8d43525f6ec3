package org.readmission.identity;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.DocumentRef;
import org.readmission.events.common.DocumentType;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.EvidenceKind;
import org.readmission.events.common.FingerprintTemplate;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.identity.testdata.SyntheticDocument;
import org.readmission.identity.testdata.SyntheticPerson;

/** Sends verification requests as the case workflow does: Avro single-object encoding, CloudEvents headers, key = case id. */
final class VerificationRequestsSender implements AutoCloseable {

    private final AvroCodec codec = new AvroCodec(EventCatalog.v1());
    private final KafkaProducer<String, byte[]> producer;

    VerificationRequestsSender(String brokers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    static String newCaseId() {
        return "RC-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    /** Sends the request with that ce_id and returns it. */
    String send(String caseId, String ceId, IdentityVerificationRequested request) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.IDENTITY_VERIFICATION_REQUESTS, caseId, codec.encode(request));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(EventCatalog.v1().of(IdentityVerificationRequested.class),
                ceId, "case-workflow", caseId, Instant.now()));
        sendRaw(record);
        return ceId;
    }

    void sendRaw(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static IdentityVerificationRequested request(String caseId, Person person) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CaseRef caseRef = CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("APP-" + caseId)
                .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
                .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build();
        return IdentityVerificationRequested.newBuilder().setCaseRef(caseRef).setOccurredAt(now).setPersonId(person.getPersonId())
                .setPerson(person).setRequestedAt(now).build();
    }

    /** The person as the requesting state declares them, with the given documents, evidence and fingerprints. */
    static Person person(SyntheticPerson who, List<DocumentRef> documents, List<EvidenceItem> evidence, List<byte[]> fingerprints) {
        List<FingerprintTemplate> templates = new ArrayList<>();
        for (int i = 0; i < fingerprints.size(); i++) {
            templates.add(FingerprintTemplate.newBuilder().setFinger(i == 0 ? "2" : "7").setFormat("ISO_19794_2_2005")
                    .setTemplate(ByteBuffer.wrap(fingerprints.get(i))).build());
        }
        return Person.newBuilder().setPersonId("p1").setRole(PersonRole.MAIN_PERSON)
                .setName(PersonName.newBuilder().setSurname(who.surname()).setGivenNames(who.givenNames()).build())
                .setDateOfBirth(who.dateOfBirth()).setSex(who.sex() == 'F' ? Sex.FEMALE : Sex.MALE).setClaimedNationality("AZ")
                .setDocuments(documents).setEvidence(evidence).setFingerprintsAvailable(!templates.isEmpty())
                .setFingerprints(templates).build();
    }

    static DocumentRef passport(SyntheticDocument document) {
        return DocumentRef.newBuilder().setDocumentType(DocumentType.NATIONAL_PASSPORT).setNumber(document.number())
                .setIssuingCountry(document.issuingCountry()).setIssuedOn(document.issuedOn()).setExpiresOn(document.expiresOn())
                .setMachineReadableZone(document.machineReadableZone()).build();
    }

    static EvidenceItem birthCertificateCopy() {
        return EvidenceItem.newBuilder().setEvidenceId("e1").setKind(EvidenceKind.DOCUMENT_COPY).setAnnexClass(AnnexClass.PRIMA_FACIE)
                .setDocument(DocumentRef.newBuilder().setDocumentType(DocumentType.BIRTH_CERTIFICATE).setIssuingCountry("AZ")
                        .setCopyOnly(true).build())
                .setDescription("photocopy of a birth certificate").build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
