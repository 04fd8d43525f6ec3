package org.readmission.gateway.submission;

import org.readmission.gateway.outbox.OutboxRelay;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes what submissions still owe after a crash or a broker outage, at start-up and then periodically. */
@Component
class SubmissionOutboxSweep {

    private final OutboxRelay relay;

    SubmissionOutboxSweep(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(initialDelayString = "${readmission.outbox.sweep-initial-delay:PT2S}", fixedDelayString = "${readmission.outbox.sweep-interval:PT5S}")
    void sweep() {
        relay.sweep(Submission.class, "receivedAt");
    }
}
