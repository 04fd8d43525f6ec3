package org.readmission.gateway.submission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.readmission.gateway.outbox.OutboxDocuments;
import org.readmission.gateway.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores decided submissions in one unordered bulk insert (each document atomically holds its decision and its
 * outbox), then publishes their messages. The store's unique keys ({@code _id}, {@code claimKey}) are the
 * de-duplication: nothing is read before the insert, only the documents that were taken are looked up.
 */
@Component
class SubmissionStore {

    private final OutboxDocuments documents;
    private final Submissions submissions;
    private final OutboxRelay relay;

    SubmissionStore(OutboxDocuments documents, Submissions submissions, OutboxRelay relay) {
        this.documents = documents;
        this.submissions = submissions;
        this.relay = relay;
    }

    /**
     * Stores what the decisions hold and publishes their messages; returns the decisions as finally taken. A document
     * whose id is stored already is the same record again: at the same position it is a redelivery (its stored
     * messages are published again), else a duplicate. One whose claim key alone is taken is decided again.
     */
    List<Decision> storeAndRelay(List<Decision> decisions) {
        List<Decision> storing = decisions.stream().filter(Decision::stores).toList();
        Set<Integer> taken = documents.insertAll(Submission.class, storing.stream().map(Decision::document).toList());
        Map<String, Submission> stored = storedUnder(taken.stream().map(i -> storing.get(i).document().id()).toList());
        List<Decision> settled = new ArrayList<>(decisions.size());
        int storingIndex = 0;
        for (Decision decision : decisions) {
            boolean wasTaken = decision.stores() && taken.contains(storingIndex++);
            settled.add(wasTaken ? settleTaken(decision, stored.get(decision.document().id())) : decision);
        }
        relay.publish(settled.stream().filter(Decision::publishes).map(Decision::document).toList());
        return settled;
    }

    /** The stored documents with these ids (one query; none when nothing was taken). */
    private Map<String, Submission> storedUnder(List<String> ids) {
        Map<String, Submission> stored = new HashMap<>();
        if (!ids.isEmpty()) {
            submissions.findAllById(ids).forEach(s -> stored.put(s.id(), s));
        }
        return stored;
    }

    private Decision settleTaken(Decision decision, Submission storedUnderItsId) {
        if (storedUnderItsId == null) {
            return insertOneOrSettle(decision.ifTaken().get());
        }
        String id = storedUnderItsId.id();
        return decision.document().kafkaPosition().equals(storedUnderItsId.kafkaPosition())
                ? Decision.redelivered(storedUnderItsId)
                : Decision.duplicate(id, id);
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
}
