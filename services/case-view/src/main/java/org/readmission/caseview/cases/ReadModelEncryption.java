package org.readmission.caseview.cases;

import static org.readmission.caseview.cases.SensitiveCaseFields.DATE_OF_BIRTH;
import static org.readmission.caseview.cases.SensitiveCaseFields.DEADLINE_EXPLANATION;
import static org.readmission.caseview.cases.SensitiveCaseFields.DECISION_MOTIVATION;
import static org.readmission.caseview.cases.SensitiveCaseFields.DOCUMENT_NUMBER;
import static org.readmission.caseview.cases.SensitiveCaseFields.EVIDENCE_DESCRIPTION;
import static org.readmission.caseview.cases.SensitiveCaseFields.GIVEN_NAMES;
import static org.readmission.caseview.cases.SensitiveCaseFields.MAIN_PERSON_NAME;
import static org.readmission.caseview.cases.SensitiveCaseFields.NATIVE_SCRIPT;
import static org.readmission.caseview.cases.SensitiveCaseFields.PATRONYMIC;
import static org.readmission.caseview.cases.SensitiveCaseFields.PROTECTION_CLAIM_RAISED;
import static org.readmission.caseview.cases.SensitiveCaseFields.PROTECTION_CONCERN;
import static org.readmission.caseview.cases.SensitiveCaseFields.PROTECTION_TIMELINE;
import static org.readmission.caseview.cases.SensitiveCaseFields.SURNAME;
import static org.readmission.caseview.cases.SensitiveCaseFields.TRAVEL_DOCUMENT_NUMBER;
import static org.readmission.caseview.cases.SensitiveCaseFields.VERIFICATION_REASONS;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Binary;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Seals the personal fields of the read model under the case's own key ({@link CaseKeys}: a Tink AES-256-GCM keyset
 * per case, stored only wrapped by the service's master keyset; crypto-shredded at the end of the retention period)
 * where the read model meets the store: every {@link CaseFile} and {@link CaseIndexEntry} the {@code MongoTemplate}
 * writes (save, insert, bulk insert: the projection, the replay and the benchmark's seeding alike) has them sealed in
 * the BSON document after mapping, and every one it reads as such is opened before mapping. So the case file in
 * memory is readable, the stored document is not; reads as raw {@code Document}s (tests, tools) see the ciphertexts.
 *
 * <p>Each value is sealed as a whole BSON value ({@code {"v": value}}: text, date, flag or list keep their type) into
 * a binary field; the associated data is the case id, the owner inside the case (person id, event id or deadline
 * kind; none for the decision and the index rows) and the field name ({@link SensitiveCaseFields}). Values stored in
 * clear by an earlier version are read as they are (a replay seals them). Nothing of a value is ever logged; a failure
 * names the case and the field only.
 *
 * <p><b>Erased cases</b> ({@link #erase}): a case whose retention period is over keeps a tombstone without any
 * personal field. A case file or row marked erased ({@code erasedAt}) is written stripped instead of sealed, so a late
 * event or a replay never brings its data back; a stored document whose case key is shredded reads as that tombstone
 * (the page shows the case as erased instead of failing).
 */
@Component
public class ReadModelEncryption extends AbstractMongoEventListener<Object> {

    /** Timeline entries whose arguments are protection-related (the hold's ground). */
    static final Set<String> PROTECTION_TIMELINE_KEYS = Set.of("timeline.hold-placed");

    /** The sealed fields that are lists in the case file (erased: empty, not missing). */
    private static final Set<SensitiveCaseFields> LIST_FIELDS = Set.of(VERIFICATION_REASONS, PROTECTION_TIMELINE);

    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private final CaseKeys keys;

    public ReadModelEncryption(CaseKeys keys) {
        this.keys = keys;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null) {
            return;
        }
        if (event.getSource() instanceof CaseFile file) {
            if (file.erasedAt() != null) {
                erase(document, file.erasedAt());
            } else {
                caseFile(document, this::seal);
            }
        } else if (event.getSource() instanceof CaseIndexEntry entry) {
            if (entry.erasedAt() != null) {
                eraseRow(document, entry.erasedAt());
            } else {
                indexRow(document, this::seal);
            }
        }
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null) {
            return;
        }
        if (CaseFile.class.equals(event.getType())) {
            openCaseFile(document);
        } else if (CaseIndexEntry.class.equals(event.getType())) {
            openRow(document);
        }
    }

    /** A stored document of {@code cases}, {@code case_index} or {@code task_index}, opened in place (tools, tests). */
    public Document open(String collection, Document stored) {
        if ("cases".equals(collection)) {
            openCaseFile(stored);
        } else if ("case_index".equals(collection) || CaseIndex.TASKS.equals(collection)) {
            openRow(stored);
        }
        return stored;
    }

    private void openCaseFile(Document document) {
        try {
            caseFile(document, this::open);
        } catch (CaseKeyShreddedException shredded) {
            // the key is gone (the erasure is under way or failed after shredding): what was sealed is erased
            erase(document, erasedAtOr(document, shredded.shreddedAt()));
        }
    }

    private void openRow(Document document) {
        try {
            indexRow(document, this::open);
        } catch (CaseKeyShreddedException shredded) {
            eraseRow(document, erasedAtOr(document, shredded.shreddedAt()));
        }
    }

    private static Instant erasedAtOr(Document document, Instant fallback) {
        return document.get("erasedAt") instanceof Date date ? date.toInstant() : fallback;
    }

    private interface Step {
        Object apply(Object value, String caseId, String owner, SensitiveCaseFields field);
    }

    /** Every sealed field of a case file, and its owner inside the case. */
    private static void caseFile(Document file, Step step) {
        String caseId = String.valueOf(file.get("_id"));
        for (Document person : documents(file, "persons")) {
            String owner = String.valueOf(person.get("personId"));
            apply(person, "givenNames", caseId, owner, GIVEN_NAMES, step);
            apply(person, "surname", caseId, owner, SURNAME, step);
            apply(person, "patronymic", caseId, owner, PATRONYMIC, step);
            apply(person, "nativeScript", caseId, owner, NATIVE_SCRIPT, step);
            apply(person, "dateOfBirth", caseId, owner, DATE_OF_BIRTH, step);
            apply(person, "protectionClaimRaised", caseId, owner, PROTECTION_CLAIM_RAISED, step);
            for (Document document : documents(person, "documents")) {
                apply(document, "number", caseId, owner, DOCUMENT_NUMBER, step);
            }
            for (Document evidence : documents(person, "evidence")) {
                apply(evidence, "description", caseId, owner, EVIDENCE_DESCRIPTION, step);
            }
        }
        for (Document verification : documents(file, "verifications")) {
            apply(verification, "reasons", caseId, String.valueOf(verification.get("personId")), VERIFICATION_REASONS, step);
        }
        for (Document travelDocument : documents(file, "travelDocuments")) {
            apply(travelDocument, "documentNumber", caseId, String.valueOf(travelDocument.get("personId")),
                    TRAVEL_DOCUMENT_NUMBER, step);
        }
        for (Document hold : documents(file, "openHolds")) {
            apply(hold, "concern", caseId, String.valueOf(hold.get("eventId")), PROTECTION_CONCERN, step);
        }
        if (file.get("decision") instanceof Document decision) {
            apply(decision, "motivation", caseId, null, DECISION_MOTIVATION, step);
        }
        for (Document deadline : documents(file, "deadlines")) {
            apply(deadline, "explanation", caseId, String.valueOf(deadline.get("kind")), DEADLINE_EXPLANATION, step);
        }
        for (Document entry : documents(file, "timeline")) {
            if (PROTECTION_TIMELINE_KEYS.contains(entry.get("textKey"))) {
                apply(entry, "textArgs", caseId, String.valueOf(entry.get("eventId")), PROTECTION_TIMELINE, step);
            }
        }
    }

    private static void indexRow(Document row, Step step) {
        apply(row, "mainPersonName", String.valueOf(row.get("_id")), null, MAIN_PERSON_NAME, step);
    }

    private static void apply(Document holder, String key, String caseId, String owner, SensitiveCaseFields field, Step step) {
        Object value = holder.get(key);
        if (value != null) {
            holder.put(key, step.apply(value, caseId, owner, field));
        }
    }

    private static List<Document> documents(Document holder, String key) {
        return holder.get(key) instanceof List<?> list
                ? list.stream().filter(Document.class::isInstance).map(Document.class::cast).toList()
                : List.of();
    }

    private Object seal(Object value, String caseId, String owner, SensitiveCaseFields field) {
        return new Binary(keys.encrypt(caseId, owner, encode(value), field));
    }

    private Object open(Object value, String caseId, String owner, SensitiveCaseFields field) {
        byte[] sealed = value instanceof Binary binary ? binary.getData() : value instanceof byte[] bytes ? bytes : null;
        // a value stored in clear (before encryption was introduced) is read as it is
        return sealed == null ? value : decode(keys.decrypt(caseId, owner, sealed, field));
    }

    /**
     * The stored case file as its tombstone, in place: every sealed field goes (lists become empty), and so does what
     * the file keeps in clear about the persons (sex, claimed nationality, their documents and evidence) and the open
     * tasks; ids, parties, procedure, category, states, dates, deadlines (without their explanations), codes and the
     * timeline's entries (protection arguments emptied) stay, with {@code erasedAt}. Works without the case's key;
     * idempotent.
     */
    public static Document erase(Document file, Instant at) {
        // sealed (binary) or in clear, each value goes; the lists of the mapping stay, empty
        caseFile(file, (value, caseId, owner, field) -> LIST_FIELDS.contains(field) ? new ArrayList<>() : null);
        for (Document person : documents(file, "persons")) {
            for (String key : List.of("givenNames", "surname", "patronymic", "nativeScript", "dateOfBirth",
                    "protectionClaimRaised", "sex", "claimedNationality")) {
                person.remove(key);
            }
            person.put("documents", new ArrayList<>());
            person.put("evidence", new ArrayList<>());
        }
        removeNulls(file);
        file.put("openTasks", new ArrayList<>());
        file.putIfAbsent("erasedAt", Date.from(at));
        return file;
    }

    /**
     * A stored index row ({@code case_index}, {@code task_index}) as its tombstone, in place: no displayed name, no
     * phonetic name keys, no blind-index entries of document numbers, no open task; idempotent.
     */
    public static Document eraseRow(Document row, Instant at) {
        row.remove("mainPersonName");
        row.put("nameKeys", new ArrayList<>());
        row.put("documentIndex", new ArrayList<>());
        row.put("openTasks", new ArrayList<>());
        row.put("taskGroups", new ArrayList<>());
        row.put("taskParties", new ArrayList<>());
        row.remove("nextDueAt");
        row.putIfAbsent("erasedAt", Date.from(at));
        return row;
    }

    /** The fields {@link #caseFile} blanked to null, removed (sub-documents of lists and the decision). */
    private static void removeNulls(Document file) {
        for (String list : List.of("persons", "verifications", "travelDocuments", "openHolds", "deadlines", "timeline")) {
            documents(file, list).forEach(d -> d.values().removeIf(java.util.Objects::isNull));
            for (Document person : documents(file, "persons")) {
                documents(person, "documents").forEach(d -> d.values().removeIf(java.util.Objects::isNull));
            }
        }
        if (file.get("decision") instanceof Document decision) {
            decision.values().removeIf(java.util.Objects::isNull);
        }
    }

    /** The value as a one-field BSON document, so that any BSON type survives the round trip. */
    static byte[] encode(Object value) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, new Document("v", value), EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    /** The value of a decrypted {@link #encode} result. */
    public static Object decode(byte[] plaintext) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(plaintext))) {
            return CODEC.decode(reader, DecoderContext.builder().build()).get("v");
        }
    }
}
