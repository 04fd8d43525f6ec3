package org.readmission.caseworkflow.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The case-event outbox and its relay.
 *
 * @param batchSize   how many stored events the relay sends at once (one wait for the broker, one store round trip)
 * @param idlePoll    how long the relay waits for a commit to wake it before it looks again on its own
 * @param sendTimeout how long a batch may wait for the broker's acknowledgements before it is retried
 * @param maxBackoff  the longest pause between attempts while the broker or the case store is unavailable
 */
@ConfigurationProperties("readmission.outbox")
record OutboxProperties(@DefaultValue("500") int batchSize,
                        @DefaultValue("PT1S") Duration idlePoll,
                        @DefaultValue("PT30S") Duration sendTimeout,
                        @DefaultValue("PT30S") Duration maxBackoff) {
}
