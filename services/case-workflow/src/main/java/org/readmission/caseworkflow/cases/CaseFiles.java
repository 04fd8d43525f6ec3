package org.readmission.caseworkflow.cases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.readmission.events.AvroCodec;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.EvidenceItem;
import org.readmission.events.common.Person;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.protection.CaseKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The case store. Registration inserts the document once (a repeat finds it); every later change is one atomic
 * single-document update that is a no-op when repeated (guarded by the event id), because the steps that make
 * them (a publishing job, an inbox recovery) may run again after a crash.
 */
@Service
public class CaseFiles {

    private final Cases cases;
    private final MongoTemplate mongo;
    private final AvroCodec codec;
    private final CaseKeys keys;
    private final Clock clock;

    CaseFiles(Cases cases, MongoTemplate mongo, AvroCodec codec, CaseKeys keys, Clock clock) {
        this.cases = cases;
        this.mongo = mongo;
        this.codec = codec;
        this.keys = keys;
        this.clock = clock;
    }

    public Optional<CaseFile> find(String caseId) {
        return cases.findById(caseId);
    }

    public CaseFile get(String caseId) {
        return find(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId
                + " has no case file: registerCase has not run for it"));
    }

    /** Registers the case of an {@code OpenReadmissionCase} command; registering again returns the stored file. */
    public CaseFile register(OpenReadmissionCase command) {
        CaseFile file = fileOf(command);
        try {
            return cases.insert(file);
        } catch (DuplicateKeyException e) {
            return get(file.caseId());
        }
    }

    CaseFile fileOf(OpenReadmissionCase command) {
        CaseRef ref = command.getCaseRef();
        ReadmissionApplicationSubmitted application = command.getApplication();
        return new CaseFile(ref.getCaseId().getValue(), ref.getApplicationId(), ref.getRequestingParty().getValue(),
                ref.getRequestedParty().getValue(), application.getProcedure().name(), application.getCategory().name(),
                command.getReceivedAt(), command.getSubmissionId(), clock.instant(),
                keys.encrypt(ref.getCaseId().getValue(), codec.encode(application), SensitiveCaseFields.APPLICATION),
                application.getPersons().stream().map(CaseFiles::personEntry).toList(), null, null, null, null, null);
    }

    public ReadmissionApplicationSubmitted application(CaseFile file) {
        byte[] stored = file.application();
        if (stored == null) {
            throw new IllegalStateException("the application of case " + file.caseId()
                    + " was erased at the end of its retention period");
        }
        byte[] plain = keys.decrypt(file.caseId(), stored, SensitiveCaseFields.APPLICATION);
        try {
            return (ReadmissionApplicationSubmitted) codec.decode(plain);
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("the application of case " + file.caseId() + " no longer decodes", e);
        }
    }

    public Optional<Person> person(CaseFile file, String personId) {
        return application(file).getPersons().stream().filter(p -> p.getPersonId().equals(personId)).findFirst();
    }

    public void recordPublished(String caseId, CaseFile.TimelineEntry entry) {
        pushOnce(caseId, "timeline", entry.ceId(), entry);
    }

    /** What the case file records of a sent event: its timeline entry, and the deadline it announced if any. */
    public record Published(String caseId, CaseFile.TimelineEntry timeline, Optional<CaseFile.DeadlineEntry> deadline) {
    }

    /** Records sent events in one round trip to the store, each update as guarded as its single form. */
    public void recordPublished(List<Published> sent) {
        if (sent.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, CaseFile.class);
        for (Published published : sent) {
            CaseFile.TimelineEntry entry = published.timeline();
            bulk.updateOne(Query.query(Criteria.where("_id").is(published.caseId()).and("timeline.ceId").ne(entry.ceId())),
                    new Update().push("timeline", entry));
            published.deadline().ifPresent(deadline -> bulk.updateOne(byId(published.caseId()),
                    Update.update("deadlines." + deadline.kind(), deadline)));
        }
        bulk.execute();
    }

    public void recordDeadline(String caseId, CaseFile.DeadlineEntry deadline) {
        mongo.updateFirst(byId(caseId), Update.update("deadlines." + deadline.kind(), deadline), CaseFile.class);
    }

    void recordSubmission(String caseId, CaseFile.SubmissionEntry submission) {
        pushOnce(caseId, "submissions", submission.ceId(), submission);
    }

    public void recordVerification(String caseId, CaseFile.VerificationEntry verification) {
        pushOnce(caseId, "verifications", verification.ceId(), verification);
    }

    /** Adds evidence sent later to the person it concerns (once per item id). */
    void addEvidence(String caseId, String personId, List<EvidenceItem> items) {
        CaseFile file = get(caseId);
        List<CaseFile.PersonEntry> persons = new ArrayList<>();
        boolean changed = false;
        for (CaseFile.PersonEntry person : file.persons()) {
            if (!person.personId().equals(personId)) {
                persons.add(person);
                continue;
            }
            List<CaseFile.EvidenceEntry> evidence = new ArrayList<>(person.evidence());
            for (EvidenceItem item : items) {
                if (evidence.stream().noneMatch(e -> e.evidenceId().equals(item.getEvidenceId()))) {
                    evidence.add(evidenceEntry(item));
                    changed = true;
                }
            }
            persons.add(new CaseFile.PersonEntry(person.personId(), person.role(), person.givenNames(), person.surname(),
                    person.dateOfBirth(), person.claimedNationality(), person.interviewRequested(),
                    person.protectionClaimRaised(), evidence));
        }
        if (changed) {
            mongo.updateFirst(byId(caseId), Update.update("persons", persons), CaseFile.class);
        }
    }

    /** Records (or replaces) the travel document of a person; the number is stored encrypted. */
    public void recordTravelDocument(String caseId, CaseFile.TravelDocumentEntry document) {
        String sealed = SEALED + Base64.getEncoder().encodeToString(keys.encrypt(caseId, caseId + "/" + document.personId(),
                document.documentNumber().getBytes(StandardCharsets.UTF_8), SensitiveCaseFields.TRAVEL_DOCUMENT_NUMBER));
        CaseFile.TravelDocumentEntry stored = new CaseFile.TravelDocumentEntry(document.personId(), sealed,
                document.validUntil(), document.issuedAt(), document.issuedBy());
        mongo.updateFirst(byId(caseId), new Update().pull("travelDocuments",
                Query.query(Criteria.where("personId").is(document.personId()))), CaseFile.class);
        mongo.updateFirst(byId(caseId), new Update().push("travelDocuments", stored), CaseFile.class);
    }

    /** The travel documents of the case with their numbers readable. */
    public List<CaseFile.TravelDocumentEntry> travelDocuments(CaseFile file) {
        return file.travelDocuments().stream().map(d -> new CaseFile.TravelDocumentEntry(d.personId(),
                d.documentNumber() != null && d.documentNumber().startsWith(SEALED)
                        ? new String(keys.decrypt(file.caseId(), file.caseId() + "/" + d.personId(),
                                Base64.getDecoder().decode(d.documentNumber().substring(SEALED.length())),
                                SensitiveCaseFields.TRAVEL_DOCUMENT_NUMBER), StandardCharsets.UTF_8)
                        : d.documentNumber(),
                d.validUntil(), d.issuedAt(), d.issuedBy())).toList();
    }

    /**
     * The party that sent a person's data corrected it: the person's record in the application (sealed again under the
     * case's key) and in the case file is replaced as a whole. Repeating it changes nothing more.
     *
     * @throws IllegalArgumentException the case has no person with that id
     */
    public void rectify(String caseId, Person corrected) {
        CaseFile file = get(caseId);
        ReadmissionApplicationSubmitted application = application(file);
        String personId = corrected.getPersonId();
        if (application.getPersons().stream().noneMatch(p -> p.getPersonId().equals(personId))) {
            throw new IllegalArgumentException("case " + caseId + " has no person " + personId + " to correct");
        }
        ReadmissionApplicationSubmitted rectified = ReadmissionApplicationSubmitted.newBuilder(application)
                .setPersons(application.getPersons().stream()
                        .map(p -> p.getPersonId().equals(personId) ? corrected : p).toList())
                .build();
        mongo.updateFirst(byId(caseId), new Update()
                .set("application", keys.encrypt(caseId, codec.encode(rectified), SensitiveCaseFields.APPLICATION))
                .set("persons", rectified.getPersons().stream().map(CaseFiles::personEntry).toList()), CaseFile.class);
    }

    /**
     * The case's retention period is over (its key is already shredded): the case file keeps ids, parties, codes,
     * dates, deadlines and its timeline; the application, the persons' names, dates of birth and evidence
     * descriptions and the travel document numbers go. Idempotent.
     */
    public void erase(String caseId, Instant at) {
        find(caseId).ifPresent(file -> mongo.updateFirst(byId(caseId), new Update()
                .unset("application")
                .set("persons", file.persons().stream().map(CaseFiles::withoutPersonalData).toList())
                .set("travelDocuments", file.travelDocuments().stream().map(d -> new CaseFile.TravelDocumentEntry(
                        d.personId(), null, d.validUntil(), d.issuedAt(), d.issuedBy())).toList())
                .set("erasedAt", at), CaseFile.class));
    }

    private static CaseFile.PersonEntry withoutPersonalData(CaseFile.PersonEntry person) {
        return new CaseFile.PersonEntry(person.personId(), person.role(), null, null, null, null,
                person.interviewRequested(), person.protectionClaimRaised(), person.evidence().stream()
                .map(e -> new CaseFile.EvidenceEntry(e.evidenceId(), e.kind(), e.annexClass(), e.documentType(),
                        e.copyOnly(), null, null)).toList());
    }

    /** Prefix of an encrypted value kept in a text field (base64 of the Tink ciphertext follows). */
    static final String SEALED = "aead:";

    private void pushOnce(String caseId, String list, String ceId, Object entry) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and(list + ".ceId").ne(ceId)),
                new Update().push(list, entry), CaseFile.class);
    }

    private static Query byId(String caseId) {
        return Query.query(Criteria.where("_id").is(caseId));
    }

    private static CaseFile.PersonEntry personEntry(Person person) {
        return new CaseFile.PersonEntry(person.getPersonId(), person.getRole().name(), person.getName().getGivenNames(),
                person.getName().getSurname(), person.getDateOfBirth(), person.getClaimedNationality(),
                person.getInterviewRequested(), person.getProtectionClaimRaised(),
                person.getEvidence().stream().map(CaseFiles::evidenceEntry).toList());
    }

    private static CaseFile.EvidenceEntry evidenceEntry(EvidenceItem item) {
        return new CaseFile.EvidenceEntry(item.getEvidenceId(), item.getKind().name(), item.getAnnexClass().name(),
                item.getDocument() == null ? null : item.getDocument().getDocumentType().name(),
                item.getDocument() != null && item.getDocument().getCopyOnly(),
                item.getDocument() == null ? null : item.getDocument().getExpiresOn(), item.getDescription());
    }
}
