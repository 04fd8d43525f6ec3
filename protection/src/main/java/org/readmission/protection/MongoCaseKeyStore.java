package org.readmission.protection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The wrapped case keys in a MongoDB collection (default {@code case_keys}), with the plain driver: one document per
 * case, {@code _id} = case id, {@code wrappedKeyset} (binary, encrypted by the wrapping keyset), {@code createdAt};
 * after shredding only {@code _id} and {@code shreddedAt} remain. Every change is a single-document write.
 */
public class MongoCaseKeyStore implements CaseKeyStore {

    public static final String DEFAULT_COLLECTION = "case_keys";

    static final String WRAPPED_KEYSET = "wrappedKeyset";
    static final String CREATED_AT = "createdAt";
    static final String SHREDDED_AT = "shreddedAt";

    private final MongoCollection<Document> keys;

    public MongoCaseKeyStore(MongoCollection<Document> keys) {
        this.keys = keys;
    }

    @Override
    public Optional<WrappedCaseKey> find(String caseId) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", caseId)).first()).map(MongoCaseKeyStore::keyOf);
    }

    @Override
    public boolean create(WrappedCaseKey key) {
        try {
            keys.insertOne(new Document("_id", key.caseId()).append(WRAPPED_KEYSET, new Binary(key.wrappedKeyset()))
                    .append(CREATED_AT, Date.from(key.createdAt())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Instant markShredded(String caseId, Instant at) {
        Optional<WrappedCaseKey> existing = find(caseId);
        if (existing.isPresent() && existing.get().shredded()) {
            return existing.get().shreddedAt();
        }
        try {
            keys.updateOne(Filters.and(Filters.eq("_id", caseId), Filters.exists(SHREDDED_AT, false)),
                    Updates.combine(Updates.unset(WRAPPED_KEYSET), Updates.unset(CREATED_AT),
                            Updates.set(SHREDDED_AT, Date.from(at))),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // shredded meanwhile by another instance: its time stands
        }
        return find(caseId).map(WrappedCaseKey::shreddedAt).orElse(at);
    }

    @Override
    public Map<String, WrappedCaseKey> findAll(Collection<String> caseIds) {
        Map<String, WrappedCaseKey> found = new HashMap<>();
        if (caseIds.isEmpty()) {
            return found;
        }
        for (Document document : keys.find(Filters.in("_id", caseIds))) {
            WrappedCaseKey key = keyOf(document);
            found.put(key.caseId(), key);
        }
        return found;
    }

    @Override
    public Set<String> createAll(List<WrappedCaseKey> created) {
        Set<String> stored = new HashSet<>();
        if (created.isEmpty()) {
            return stored;
        }
        List<Document> documents = created.stream().map(key -> new Document("_id", key.caseId())
                .append(WRAPPED_KEYSET, new Binary(key.wrappedKeyset())).append(CREATED_AT, Date.from(key.createdAt()))).toList();
        Set<Integer> refused = new HashSet<>();
        try {
            keys.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                refused.add(error.getIndex());
            }
        }
        for (int i = 0; i < created.size(); i++) {
            if (!refused.contains(i)) {
                stored.add(created.get(i).caseId());
            }
        }
        return stored;
    }

    @Override
    public List<String> caseIdsWithKeys() {
        return keys.find(Filters.exists(WRAPPED_KEYSET)).projection(new Document("_id", 1))
                .map(document -> document.getString("_id")).into(new ArrayList<>());
    }

    @Override
    public boolean replaceWrapped(String caseId, byte[] expected, byte[] replacement) {
        return keys.updateOne(Filters.and(Filters.eq("_id", caseId), Filters.eq(WRAPPED_KEYSET, new Binary(expected))),
                Updates.set(WRAPPED_KEYSET, new Binary(replacement))).getModifiedCount() == 1;
    }

    private static WrappedCaseKey keyOf(Document document) {
        Binary wrapped = document.get(WRAPPED_KEYSET, Binary.class);
        return new WrappedCaseKey(document.getString("_id"), wrapped == null ? null : wrapped.getData(),
                instant(document.getDate(CREATED_AT)), instant(document.getDate(SHREDDED_AT)));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
