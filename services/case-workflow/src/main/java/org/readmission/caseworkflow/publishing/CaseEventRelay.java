package org.readmission.caseworkflow.publishing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.retention.CaseClosures;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends what the {@link CaseEventOutbox} holds, oldest first, in batches: it records the batch in the case files
 * (timeline, announced deadlines) in one store round trip, hands all of it to the producer at once ({@code acks=all},
 * idempotent, key = case id, so a case's events keep their order on their partition), waits once for all
 * acknowledgements, then deletes the batch from the outbox. A crash or failure anywhere before the delete sends the batch again, with the same
 * {@code ce_id}s, which consumers drop; so every event reaches the topics at least once and is seen once. A commit
 * that added events wakes the relay at once; otherwise it looks every {@code readmission.outbox.idle-poll}. While
 * the broker or the store is unavailable it backs off, up to {@code max-backoff}, and nothing is lost: the events
 * stay in the outbox; {@code readmission.outbox.backlog} (the batch in hand: up to {@code batch-size}) and
 * {@code readmission.outbox.oldest.age} (how long its oldest event has waited) show it, read from the batch itself,
 * with no extra query.
 *
 * <p>One relay per engine database: a second node would send the same events again (dropped by consumers, but
 * wasted); running several nodes needs a lease on the relay first.
 */
@Component
@EnableConfigurationProperties(OutboxProperties.class)
class CaseEventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseEventRelay.class);
    /** Events that say a time limit of the agreement was missed, and which one. */
    private static final Map<String, String> SLA_BREACHES = Map.of(
            "org.readmission.case.reply-time-limit-expired.v1", "reply");

    private final CaseEventOutbox outbox;
    private final EventPublisher publisher;
    private final CaseFiles caseFiles;
    private final CaseClosures closures;
    private final MeterRegistry meters;
    private final EventCatalog catalog;
    private final OutboxProperties properties;
    private final Semaphore wake = new Semaphore(0);
    private static final Backlog NOTHING_WAITS = new Backlog(0, null);
    private volatile Backlog backlog = NOTHING_WAITS;
    private volatile Thread thread;
    private volatile boolean running;

    CaseEventRelay(CaseEventOutbox outbox, EventPublisher publisher, CaseFiles caseFiles, CaseClosures closures,
                   MeterRegistry meters, EventCatalog catalog, OutboxProperties properties) {
        this.closures = closures;
        this.catalog = catalog;
        this.outbox = outbox;
        this.publisher = publisher;
        this.caseFiles = caseFiles;
        this.meters = meters;
        this.properties = properties;
        Gauge.builder("readmission.outbox.backlog", () -> backlog.events())
                .description("case events committed by the engine and not yet sent (up to one batch counted)").register(meters);
        Gauge.builder("readmission.outbox.oldest.age", () -> backlog.oldest() == null ? 0.0
                        : Duration.between(backlog.oldest(), Instant.now()).toMillis() / 1000.0)
                .description("seconds the oldest unsent case event has waited").baseUnit("seconds").register(meters);
    }

    /** A transaction that added events committed: send them now. */
    void wake() {
        wake.release();
    }

    /** Sends one batch; returns how many events it sent (0 when the outbox is empty). */
    int relayOnce() throws InterruptedException, ExecutionException, TimeoutException {
        List<OutboxEntry> batch = outbox.oldest(properties.batchSize());
        if (batch.isEmpty()) {
            backlog = NOTHING_WAITS;
            return 0;
        }
        backlog = new Backlog(batch.size(), batch.get(0).timeline().publishedAt());
        // the case file first: once a consumer sees an event, the case file already has it on its timeline
        caseFiles.recordPublished(batch.stream()
                .map(entry -> new CaseFiles.Published(entry.wire().key(), entry.timeline(), entry.deadline())).toList());
        batch.forEach(entry -> recordIfClosure(entry.wire()));
        CompletableFuture<?>[] sends = batch.stream().map(entry -> publisher.send(entry.wire())).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(sends).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        outbox.remove(batch);
        for (OutboxEntry entry : batch) {
            log.debug("case {}: published {} ({}) on {}", entry.wire().key(), entry.timeline().ceType(),
                    entry.wire().ceId(), entry.wire().topic());
            meters.counter("readmission.case.events.published", "type", catalog.byCeType(entry.wire().ceType())
                    .map(type -> type.schema().getName()).orElse(entry.wire().ceType())).increment();
            String breach = SLA_BREACHES.get(entry.timeline().ceType());
            if (breach != null) {
                meters.counter("readmission.sla.breaches", "limit", breach).increment();
            }
        }
        return batch.size();
    }

    /** A closure starts the case's retention period once the event is certain to go out (again after a failed send). */
    private void recordIfClosure(EventPublisher.WireEvent wire) {
        try {
            closures.record(wire.ceId(), wire.ceType(), wire.payload());
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("case " + wire.key() + ": the " + wire.ceType() + " this service wrote does not decode", e);
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int sent = relayOnce();
                if (!backoff.isZero()) {
                    log.info("case-event relay: sending again after a failure");
                    backoff = Duration.ZERO;
                }
                if (sent == 0) {
                    wake.tryAcquire(properties.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), properties.maxBackoff());
                log.warn("case-event relay: a batch was not sent ({}); the events stay in the outbox, next attempt in {} ms",
                        e instanceof ExecutionException ? e.getCause() : e, backoff.toMillis());
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The events in hand and since when the oldest of them waits ({@code null}: none). */
    private record Backlog(int events, Instant oldest) {
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "case-event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
