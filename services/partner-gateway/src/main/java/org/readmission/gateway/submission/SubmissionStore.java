package org.readmission.gateway.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.OutboxDocuments;
import org.readmission.gateway.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores decided submissions in one unordered bulk insert (each document atomically holds its decision and its
 * outbox), then publishes their messages. A document whose id or claim key is already taken is decided again.
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

    List<OutboxDocuments.Seen> seen(List<InboundRecord> batch) {
        return documents.seen(Submission.class, batch);
    }

    Submission stored(String id) {
        return submissions.findById(id).orElseThrow(() -> new IllegalStateException("submission " + id + " vanished"));
    }

    /** Stores what the decisions hold and publishes their messages; returns the decisions as finally taken. */
    List<Decision> storeAndRelay(List<Decision> decisions) {
        List<Decision> storing = decisions.stream().filter(Decision::stores).toList();
        Set<Integer> taken = documents.insertAll(Submission.class, storing.stream().map(Decision::document).toList());
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
}
