package org.readmission.gateway.submission;

import org.readmission.gateway.outbox.OutboxRelay;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes what submissions still owe: everything pending after a restart, then whatever failed while running. */
@Component
public class SubmissionOutboxSweep {

    private final OutboxRelay relay;

    SubmissionOutboxSweep(OutboxRelay relay) {
        this.relay = relay;
    }

    /** The previous process may have stopped between saving a submission and publishing its messages. */
    @EventListener(ApplicationReadyEvent.class)
    public int recoverAfterRestart() {
        return relay.recoverAll(Submission.class, "receivedAt");
    }

    @Scheduled(fixedDelayString = "${readmission.outbox.sweep-interval:PT5S}")
    void sweep() {
        relay.sweep(Submission.class, "receivedAt");
    }
}
