package org.readmission.caseworkflow.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** What happens when the inbox cannot take a record at all. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InboxConfiguration.class);

    /**
     * Poison input never gets here (it is dead-lettered by the listener). What does is the inbox store (or the
     * dead-letter topic) being unavailable: then every record would fail alike, so the partition waits and the
     * record is retried with back-off (up to 30 s apart) for as long as the outage lasts — it is never skipped,
     * because skipping it would lose a command.
     */
    @Bean
    CommonErrorHandler inboxErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            throw new IllegalStateException("unreachable: the inbox back-off never ends", failure);
        }, backOff);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "{}-{}@{} could not be stored in the inbox (attempt {}), retrying: {}", record.topic(), record.partition(),
                record.offset(), attempt, failure.toString()));
        return handler;
    }
}
