package org.readmission.gateway.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import org.bson.Document;
import org.readmission.gateway.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stores decided submissions in one unordered bulk insert (each document atomically holds its decision and its
 * outbox), then publishes their messages. A document whose id or claim key is already taken is decided again.
 */
@Component
class SubmissionStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Submissions submissions;
    private final OutboxRelay relay;

    SubmissionStore(MongoTemplate mongo, Submissions submissions, OutboxRelay relay) {
        this.mongo = mongo;
        this.submissions = submissions;
        this.relay = relay;
    }

    /** The stored positions of those of {@code ids} that are stored already. */
    Map<String, String> storedPositions(List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id").include("kafkaPosition");
        Map<String, String> positions = new HashMap<>();
        mongo.find(query, Document.class, mongo.getCollectionName(Submission.class))
                .forEach(d -> positions.put(d.getString("_id"), String.valueOf(d.getString("kafkaPosition"))));
        return positions;
    }

    Submission stored(String id) {
        return submissions.findById(id).orElseThrow(() -> new IllegalStateException("submission " + id + " vanished"));
    }

    /** Stores what the decisions hold and publishes their messages; returns the decisions as finally taken. */
    List<Decision> storeAndRelay(List<Decision> decisions) {
        List<Decision> storing = decisions.stream().filter(Decision::stores).toList();
        Set<Integer> taken = insertAll(storing.stream().map(Decision::document).toList());
        List<Decision> settled = new ArrayList<>(decisions.size());
        int storingIndex = 0;
        for (Decision decision : decisions) {
            boolean wasTaken = decision.stores() && taken.contains(storingIndex++);
            settled.add(wasTaken ? insertOneOrSettle(decision.ifTaken().get()) : decision);
        }
        relay.publish(settled.stream().filter(Decision::publishes).map(Decision::document).toList());
        return settled;
    }

    private Decision insertOneOrSettle(Decision decision) {
        if (!decision.stores()) {
            return decision;
        }
        try {
            submissions.insert(decision.document());
            return decision;
        } catch (DuplicateKeyException alreadyStored) {
            return decision.ifTaken().get();
        }
    }

    /** Returns the positions of the documents that were not inserted because a unique key was taken. */
    private Set<Integer> insertAll(List<Submission> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Submission.class).insert(documents).execute();
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
