package org.readmission.caseworkflow.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expiry         how long an entry is retried before it becomes EXPIRED (counted from its arrival)
 * @param pollInterval   how often due entries are looked for
 * @param firstRetry     delay before the second attempt; doubles with each attempt up to {@code maxRetry}
 * @param lease          how long a node may work on an entry before another may take it over (crash recovery)
 * @param metricsInterval how often the {@code readmission.inbox.entries{state}} gauges are recounted
 */
@ConfigurationProperties("readmission.inbox")
record InboxProperties(@DefaultValue("1") int consumerConcurrency,
                       @DefaultValue("P7D") Duration expiry,
                       @DefaultValue("PT1S") Duration pollInterval,
                       @DefaultValue("PT5S") Duration firstRetry,
                       @DefaultValue("PT10M") Duration maxRetry,
                       @DefaultValue("PT2M") Duration lease,
                       @DefaultValue("50") int batchSize,
                       @DefaultValue("PT15S") Duration metricsInterval) {

    /** When to try again after {@code attempts} failed attempts, never later than the expiry. */
    java.time.Instant nextAttempt(java.time.Instant now, int attempts, java.time.Instant expiresAt) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration delay = firstRetry.multipliedBy(factor);
        if (delay.compareTo(maxRetry) > 0) {
            delay = maxRetry;
        }
        java.time.Instant next = now.plus(delay);
        return next.isAfter(expiresAt) ? expiresAt : next;
    }
}
