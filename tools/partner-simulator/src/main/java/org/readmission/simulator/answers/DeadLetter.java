package org.readmission.simulator.answers;

import java.time.Instant;

/** A copy of a submission on the dead-letter topic, with the gateway's reason code (header {@code dlt-reason-code}). */
public record DeadLetter(String ceId, String source, String reasonCode, Instant receivedAt) {
}
