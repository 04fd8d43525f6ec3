package org.readmission.gateway.submission;

import java.util.List;

import org.readmission.gateway.validation.Violation;

/** What became of one inbound submission. */
public sealed interface IntakeOutcome {

    String submissionKey();

    /** Accepted, stored, command and acknowledgement owed. */
    record Accepted(String submissionKey, String caseId) implements IntakeOutcome {
    }

    /** Rejected with reasons; the sender is told when known, undecodable input also goes to the DLT. */
    record Rejected(String submissionKey, List<Violation> violations, boolean deadLettered) implements IntakeOutcome {
    }

    /** Seen before: a redelivery, or a harmless re-send of the same content. Nothing changes. */
    record Duplicate(String submissionKey, String existingKey) implements IntakeOutcome {
    }
}
