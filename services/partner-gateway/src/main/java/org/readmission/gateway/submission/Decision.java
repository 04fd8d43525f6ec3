package org.readmission.gateway.submission;

import java.util.function.Supplier;

/**
 * What the gateway decided about one submission: the outcome, the document to store (null for a duplicate) and what
 * to decide instead if, when storing, its id or claim key turns out to be taken already. A redelivery of a stored
 * record (same position) carries the stored document, to publish its messages again.
 */
record Decision(IntakeOutcome outcome, Submission document, Supplier<Decision> ifTaken, boolean alreadyStored) {

    Decision(IntakeOutcome outcome, Submission document, Supplier<Decision> ifTaken) {
        this(outcome, document, ifTaken, false);
    }

    static Decision duplicate(String submissionKey, String existingKey) {
        return new Decision(new IntakeOutcome.Duplicate(submissionKey, existingKey), null, null);
    }

    /** The same record delivered again after a stop before its offset was committed: publish what was stored. */
    static Decision redelivered(Submission stored) {
        return new Decision(new IntakeOutcome.Duplicate(stored.id(), stored.id()), stored, null, true);
    }

    boolean stores() {
        return document != null && !alreadyStored;
    }

    boolean publishes() {
        return document != null && !document.outbox().isEmpty();
    }
}
