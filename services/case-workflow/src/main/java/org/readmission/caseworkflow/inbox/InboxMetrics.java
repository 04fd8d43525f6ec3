package org.readmission.caseworkflow.inbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code readmission.inbox.entries{state}}: how many entries are PENDING, CORRELATED, EXPIRED (recounted
 * periodically; alert on EXPIRED > 0 and on PENDING growing), plus counters of what the inbox did.
 */
@Component
class InboxMetrics {

    private static final Logger log = LoggerFactory.getLogger(InboxMetrics.class);

    private final InboxEntries entries;
    private final MeterRegistry meters;
    private final Map<InboxState, AtomicLong> counts = new EnumMap<>(InboxState.class);

    InboxMetrics(InboxEntries entries, MeterRegistry meters) {
        this.entries = entries;
        this.meters = meters;
        for (InboxState state : InboxState.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(state, count);
            Gauge.builder("readmission.inbox.entries", count, AtomicLong::get)
                    .description("inbox entries by state (EXPIRED ones need a person)")
                    .tag("state", state.name()).register(meters);
        }
    }

    @Scheduled(fixedDelayString = "${readmission.inbox.metrics-interval:PT15S}", initialDelay = 1000)
    void recount() {
        try {
            for (InboxState state : InboxState.values()) {
                counts.get(state).set(entries.countByState(state));
            }
        } catch (RuntimeException e) {
            log.warn("could not count the inbox entries: {}", e.toString());
        }
    }

    void received(String outcome, String ceType) {
        meters.counter("readmission.inbox.received", "outcome", outcome, "type", ceType).increment();
    }

    void attempted(String outcome) {
        meters.counter("readmission.inbox.attempts", "outcome", outcome).increment();
    }
}
