package org.readmission.gateway.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * outbox), then relays their messages. A document whose id or claim key is already taken is decided again.
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

    Set<String> existingIds(List<String> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        Set<String> existing = new HashSet<>();
        mongo.find(query, Document.class, mongo.getCollectionName(Submission.class)).forEach(d -> existing.add(d.getString("_id")));
        return existing;
    }

    /** Stores what the decisions hold and relays it; returns the decisions as finally taken. */
    List<Decision> storeAndRelay(List<Decision> decisions) {
        List<Decision> storing = decisions.stream().filter(Decision::stores).toList();
        Set<Integer> taken = insertAll(storing.stream().map(Decision::document).toList());
        List<Decision> settled = new ArrayList<>(decisions.size());
        List<Submission> toRelay = new ArrayList<>();
        int storingIndex = 0;
        for (Decision decision : decisions) {
            if (!decision.stores()) {
                settled.add(decision);
                continue;
            }
            Decision finalDecision = taken.contains(storingIndex++) ? insertOneOrSettle(decision.ifTaken().get()) : decision;
            if (finalDecision.stores() && !finalDecision.document().outbox().isEmpty()) {
                toRelay.add(finalDecision.document());
            }
            settled.add(finalDecision);
        }
        relay.relayAll(toRelay, Submission.class);
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
