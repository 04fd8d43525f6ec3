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
import org.readmission.protection.FieldEncryption;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Encrypts the sensitive fields of the read model at rest ({@link FieldEncryption}: Tink AEAD AES-256-GCM) where the
 * read model meets the store: every {@link CaseFile} and {@link CaseIndexEntry} the {@code MongoTemplate} writes
 * (save, insert, bulk insert: the projection, the replay and the benchmark's seeding alike) has them sealed in the
 * BSON document after mapping, and every one it reads as such is opened before mapping. So the case file in memory is
 * readable, the stored document is not; reads as raw {@code Document}s (tests, tools) see the ciphertexts.
 *
 * <p>Each value is sealed as a whole BSON value ({@code {"v": value}}: text, date, flag or list keep their type) into
 * a binary field; the associated data is {@code <case id>[/<person id | event id | deadline kind>]/<field>}
 * ({@link SensitiveCaseFields}). Values stored in clear by an earlier version are read as they are (a replay seals
 * them). Nothing of a value is ever logged; a failure names the case and the field only.
 */
@Component
public class ReadModelEncryption extends AbstractMongoEventListener<Object> {

    /** Timeline entries whose arguments are protection-related (the hold's ground). */
    static final Set<String> PROTECTION_TIMELINE_KEYS = Set.of("timeline.hold-placed");

    private static final DocumentCodec CODEC = new DocumentCodec(MongoClientSettings.getDefaultCodecRegistry());

    private final FieldEncryption encryption;

    public ReadModelEncryption(FieldEncryption encryption) {
        this.encryption = encryption;
    }

    @Override
    public void onBeforeSave(BeforeSaveEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null) {
            return;
        }
        if (event.getSource() instanceof CaseFile) {
            caseFile(document, this::seal);
        } else if (event.getSource() instanceof CaseIndexEntry) {
            indexRow(document, this::seal);
        }
    }

    @Override
    public void onAfterLoad(AfterLoadEvent<Object> event) {
        Document document = event.getDocument();
        if (document == null) {
            return;
        }
        if (CaseFile.class.equals(event.getType())) {
            caseFile(document, this::open);
        } else if (CaseIndexEntry.class.equals(event.getType())) {
            indexRow(document, this::open);
        }
    }

    /** A stored document of {@code cases}, {@code case_index} or {@code task_index}, opened in place (tools, tests). */
    public Document open(String collection, Document stored) {
        if ("cases".equals(collection)) {
            caseFile(stored, this::open);
        } else if ("case_index".equals(collection) || CaseIndex.TASKS.equals(collection)) {
            indexRow(stored, this::open);
        }
        return stored;
    }

    private interface Step {
        Object apply(Object value, String owner, SensitiveCaseFields field);
    }

    private static void caseFile(Document file, Step step) {
        String caseId = String.valueOf(file.get("_id"));
        for (Document person : documents(file, "persons")) {
            String owner = caseId + "/" + person.get("personId");
            apply(person, "givenNames", owner, GIVEN_NAMES, step);
            apply(person, "surname", owner, SURNAME, step);
            apply(person, "patronymic", owner, PATRONYMIC, step);
            apply(person, "nativeScript", owner, NATIVE_SCRIPT, step);
            apply(person, "dateOfBirth", owner, DATE_OF_BIRTH, step);
            apply(person, "protectionClaimRaised", owner, PROTECTION_CLAIM_RAISED, step);
            for (Document document : documents(person, "documents")) {
                apply(document, "number", owner, DOCUMENT_NUMBER, step);
            }
            for (Document evidence : documents(person, "evidence")) {
                apply(evidence, "description", owner, EVIDENCE_DESCRIPTION, step);
            }
        }
        for (Document verification : documents(file, "verifications")) {
            apply(verification, "reasons", caseId + "/" + verification.get("personId"), VERIFICATION_REASONS, step);
        }
        for (Document travelDocument : documents(file, "travelDocuments")) {
            apply(travelDocument, "documentNumber", caseId + "/" + travelDocument.get("personId"), TRAVEL_DOCUMENT_NUMBER, step);
        }
        for (Document hold : documents(file, "openHolds")) {
            apply(hold, "concern", caseId + "/" + hold.get("eventId"), PROTECTION_CONCERN, step);
        }
        if (file.get("decision") instanceof Document decision) {
            apply(decision, "motivation", caseId, DECISION_MOTIVATION, step);
        }
        for (Document deadline : documents(file, "deadlines")) {
            apply(deadline, "explanation", caseId + "/" + deadline.get("kind"), DEADLINE_EXPLANATION, step);
        }
        for (Document entry : documents(file, "timeline")) {
            if (PROTECTION_TIMELINE_KEYS.contains(entry.get("textKey"))) {
                apply(entry, "textArgs", caseId + "/" + entry.get("eventId"), PROTECTION_TIMELINE, step);
            }
        }
    }

    private static void indexRow(Document row, Step step) {
        apply(row, "mainPersonName", String.valueOf(row.get("_id")), MAIN_PERSON_NAME, step);
    }

    private static void apply(Document holder, String key, String owner, SensitiveCaseFields field, Step step) {
        Object value = holder.get(key);
        if (value != null) {
            holder.put(key, step.apply(value, owner, field));
        }
    }

    private static List<Document> documents(Document holder, String key) {
        return holder.get(key) instanceof List<?> list
                ? list.stream().filter(Document.class::isInstance).map(Document.class::cast).toList()
                : List.of();
    }

    private Object seal(Object value, String owner, SensitiveCaseFields field) {
        return new Binary(encryption.encrypt(encode(value), owner, field));
    }

    private Object open(Object value, String owner, SensitiveCaseFields field) {
        byte[] sealed = value instanceof Binary binary ? binary.getData() : value instanceof byte[] bytes ? bytes : null;
        // a value stored in clear (before encryption was introduced) is read as it is
        return sealed == null ? value : decode(encryption.decrypt(sealed, owner, field));
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
