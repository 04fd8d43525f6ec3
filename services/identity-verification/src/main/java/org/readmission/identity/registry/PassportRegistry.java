package org.readmission.identity.registry;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.readmission.identity.fingerprint.FingerprintSample;
import org.readmission.identity.mrz.MachineReadableZone;
import org.readmission.names.NameKey;
import org.readmission.identity.protection.AccessLog;
import org.readmission.identity.protection.AccessPurpose;
import org.readmission.protection.BlindIndex;
import org.readmission.protection.FieldEncryption;
import org.readmission.identity.protection.ProtectedField;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The requested state's passport and identity-card registry, here a MongoDB store (in production an adapter to the
 * agency's system). Every read of registry data is recorded in the access log with the case and the purpose.
 */
@Component
public class PassportRegistry {

    static final String NUMBER_INDEX_KIND = "document-number";

    private final MongoTemplate mongo;
    private final FieldEncryption encryption;
    private final BlindIndex index;
    private final AccessLog accessLog;

    PassportRegistry(MongoTemplate mongo, FieldEncryption encryption, BlindIndex index, AccessLog accessLog) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.index = index;
        this.accessLog = accessLog;
    }

    /** The record a document number was issued to (exact match through the blind index). */
    public Optional<DocumentMatch> byDocumentNumber(String number, String caseId) {
        List<String> candidates = index.candidates(NUMBER_INDEX_KIND, MachineReadableZone.normalisedNumber(number));
        RegistryDocument document = mongo.findOne(Query.query(Criteria.where("numberIndex").in(candidates)), RegistryDocument.class);
        accessLog.record(caseId, document == null ? null : document.id(), ProtectedField.DOCUMENT_NUMBER,
                AccessPurpose.VERIFY_IDENTITY_FOR_READMISSION, document == null ? "search by number: no record" : "search by number: found");
        if (document == null) {
            return Optional.empty();
        }
        RegistryPerson person = mongo.findById(document.personId(), RegistryPerson.class);
        return Optional.ofNullable(person).map(p -> new DocumentMatch(p, document.documentType(), document.issuingCountry(),
                document.expiresOn()));
    }

    /** Records whose name sounds the same in any script and transliteration and whose date of birth is the same. */
    public List<RegistryPerson> byNameAndBirthDate(String surname, String givenNames, LocalDate dateOfBirth, String caseId) {
        List<RegistryPerson> found = mongo.find(Query.query(Criteria.where("nameKey").is(NameKey.of(surname, givenNames).value())
                .and("dateOfBirth").is(dateOfBirth)), RegistryPerson.class);
        accessLog.record(caseId, found.size() == 1 ? found.get(0).id() : null, ProtectedField.REGISTRY_IDENTITY,
                AccessPurpose.VERIFY_IDENTITY_FOR_READMISSION, "search by name and date of birth: " + found.size() + " found");
        return found;
    }

    /** The enrolled fingerprints of one record, decrypted for a 1:1 comparison. */
    public List<FingerprintSample> fingerprintsOf(String personId, String caseId) {
        List<EnrolledFingerprint> enrolled = mongo.find(Query.query(Criteria.where("personId").is(personId)), EnrolledFingerprint.class);
        accessLog.record(caseId, personId, ProtectedField.FINGERPRINT_TEMPLATE, AccessPurpose.VERIFY_IDENTITY_FOR_READMISSION,
                "1:1 comparison with " + enrolled.size() + " enrolled fingers");
        return enrolled.stream().map(this::decrypted).toList();
    }

    /** Every record's enrolled fingerprints, for a 1:N search (a real registry runs this search itself). */
    public Map<String, List<FingerprintSample>> allFingerprints(String caseId) {
        Map<String, List<FingerprintSample>> byPerson = new LinkedHashMap<>();
        for (EnrolledFingerprint fingerprint : mongo.findAll(EnrolledFingerprint.class)) {
            byPerson.computeIfAbsent(fingerprint.personId(), id -> new java.util.ArrayList<>()).add(decrypted(fingerprint));
        }
        accessLog.record(caseId, null, ProtectedField.FINGERPRINT_TEMPLATE, AccessPurpose.VERIFY_IDENTITY_FOR_READMISSION,
                "1:N search over " + byPerson.size() + " records");
        return byPerson;
    }

    public Optional<RegistryPerson> person(String personId) {
        return Optional.ofNullable(mongo.findById(personId, RegistryPerson.class));
    }

    public long size() {
        return mongo.count(new Query(), RegistryPerson.class);
    }

    /** Adds a person with documents and fingerprints, encrypting numbers and templates. */
    public void enrol(NewRegistryPerson person) {
        mongo.insert(new RegistryPerson(person.id(), person.surname(), person.givenNames(), person.patronymic(),
                person.dateOfBirth(), person.sex(), person.nationality(), NameKey.of(person.surname(), person.givenNames()).value()));
        int n = 0;
        for (NewRegistryPerson.Document document : person.documents()) {
            String id = person.id() + "-doc-" + (++n);
            String number = MachineReadableZone.normalisedNumber(document.number());
            mongo.insert(new RegistryDocument(id, person.id(), index.of(NUMBER_INDEX_KIND, number),
                    encryption.encryptText(number, id, ProtectedField.DOCUMENT_NUMBER), document.documentType(),
                    document.issuingCountry(), document.issuedOn(), document.expiresOn()));
        }
        for (NewRegistryPerson.Finger finger : person.fingers()) {
            String id = person.id() + "-fp-" + finger.finger();
            mongo.insert(new EnrolledFingerprint(id, person.id(), finger.finger(),
                    encryption.encrypt(finger.template(), id, ProtectedField.FINGERPRINT_TEMPLATE)));
        }
        accessLog.record(null, person.id(), ProtectedField.FINGERPRINT_TEMPLATE, AccessPurpose.ENROL_REGISTRY_RECORD,
                "enrolled " + person.documents().size() + " documents, " + person.fingers().size() + " fingers");
    }

    private FingerprintSample decrypted(EnrolledFingerprint fingerprint) {
        return new FingerprintSample(fingerprint.finger(),
                encryption.decrypt(fingerprint.templateCiphertext(), fingerprint.id(), ProtectedField.FINGERPRINT_TEMPLATE));
    }
}
