package org.readmission.simulator.answers;

import java.time.Instant;
import java.util.List;

import org.readmission.events.partner.Reason;
import org.readmission.events.partner.ReasonCode;

/**
 * The gateway's answer to one submission, read from the sender's notification topic: an acknowledgement (with the
 * case id) or a rejection (with reasons). {@code receivedNanos} is {@link System#nanoTime()} at arrival.
 */
public record Answer(String submissionId, Kind kind, String applicationId, String caseId, List<Reason> reasons,
                     String message, String topic, Instant receivedAt, long receivedNanos) {

    public enum Kind { ACKNOWLEDGED, REJECTED }

    public List<ReasonCode> codes() {
        return reasons.stream().map(Reason::getCode).distinct().toList();
    }

    public boolean acknowledged() {
        return kind == Kind.ACKNOWLEDGED;
    }
}
