package org.readmission.caseworkflow.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for due inbox entries every {@code readmission.inbox.poll-interval} and retries them. */
@Component
class InboxRetrier {

    private static final Logger log = LoggerFactory.getLogger(InboxRetrier.class);

    private final Inbox inbox;

    InboxRetrier(Inbox inbox) {
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${readmission.inbox.poll-interval:PT1S}", initialDelayString = "${readmission.inbox.poll-interval:PT1S}")
    void retryDue() {
        try {
            inbox.retryDue();
        } catch (RuntimeException e) {
            log.warn("inbox retry round failed, trying again in the next one: {}", e.toString());
        }
    }
}
