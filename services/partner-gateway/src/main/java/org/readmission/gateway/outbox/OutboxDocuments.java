package org.readmission.gateway.outbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import org.bson.Document;
import org.readmission.gateway.inbound.InboundRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Batch storage of documents that carry an outbox and the Kafka position they were read at: which of a batch are
 * stored already (and where they were read), and one unordered bulk insert that reports the documents whose unique
 * keys were taken instead of failing the batch.
 */
@Component
public class OutboxDocuments {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    public OutboxDocuments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What a record of a batch is to the documents stored so far. */
    public enum Seen {
        /** Not stored yet: to be decided. */
        NEW,
        /** Stored from this very position: delivered again after a stop before the offset was committed; publish what was stored. */
        REDELIVERY,
        /** Stored from another position, or earlier in the same batch: nothing to do. */
        DUPLICATE
    }

    /** For each record of the batch (same order), whether it is new, a redelivery or a duplicate; one query. */
    public List<Seen> seen(Class<?> documentType, List<InboundRecord> batch) {
        Map<String, String> stored = storedPositions(documentType, batch.stream().map(InboundRecord::dedupKey).toList());
        Set<String> inBatch = new HashSet<>();
        return batch.stream().map(in -> {
            String key = in.dedupKey();
            if (!inBatch.add(key)) {
                return Seen.DUPLICATE;
            }
            if (!stored.containsKey(key)) {
                return Seen.NEW;
            }
            return in.kafkaPosition().equals(stored.get(key)) ? Seen.REDELIVERY : Seen.DUPLICATE;
        }).toList();
    }

    private Map<String, String> storedPositions(Class<?> documentType, List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id").include("kafkaPosition");
        Map<String, String> positions = new HashMap<>();
        mongo.find(query, Document.class, mongo.getCollectionName(documentType))
                .forEach(d -> positions.put(d.getString("_id"), String.valueOf(d.getString("kafkaPosition"))));
        return positions;
    }

    /** Inserts all; returns the positions (in {@code documents}) of those not inserted because a unique key was taken. */
    public <T> Set<Integer> insertAll(Class<T> documentType, List<T> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, documentType).insert(documents).execute();
            return Set.of();
        } catch (BulkOperationException e) {
            return duplicatesOrRethrow(e.getErrors().stream().map(err -> new int[] {err.getIndex(), err.getCode()}).toList(), e);
        } catch (DuplicateKeyException e) {
            if (e.getCause() instanceof MongoBulkWriteException bulk) {
                return duplicatesOrRethrow(bulk.getWriteErrors().stream().map(err -> new int[] {err.getIndex(), err.getCode()}).toList(), e);
            }
            throw e;
        }
    }

    private static Set<Integer> duplicatesOrRethrow(List<int[]> errors, RuntimeException cause) {
        Set<Integer> duplicates = new HashSet<>();
        for (int[] error : errors) {
            if (error[1] != DUPLICATE_KEY) {
                throw cause;
            }
            duplicates.add(error[0]);
        }
        return duplicates;
    }
}
