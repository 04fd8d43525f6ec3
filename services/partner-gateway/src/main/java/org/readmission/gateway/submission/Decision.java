package org.readmission.gateway.submission;

import java.util.function.Supplier;

/**
 * What the gateway decided about one submission, before it is stored: the outcome, the document to store (null for
 * a duplicate) and what to decide instead if, when storing, its id or claim key turns out to be taken already.
 */
record Decision(IntakeOutcome outcome, Submission document, Supplier<Decision> ifTaken) {

    static Decision duplicate(String submissionKey, String existingKey) {
        return new Decision(new IntakeOutcome.Duplicate(submissionKey, existingKey), null, null);
    }

    boolean stores() {
        return document != null;
    }
}
