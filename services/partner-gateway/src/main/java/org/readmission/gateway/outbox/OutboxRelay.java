package org.readmission.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the messages a stored document owes, then marks the document relayed. Publication is attempted right
 * after the document is saved. What is still pending is re-published, with the same ce_ids so that consumers see
 * each message once: after a restart everything pending (the previous process may have crashed between saving and
 * sending), and while running whatever this process failed to publish or to mark (a broker or store outage). The
 * store is not scanned while nothing failed, so the relay's cost does not grow with the number of stored documents.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int PAGE = 500;

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration sweepAge;
    /** Since when publications of this process are known to have failed; null while none is known. */
    private final AtomicReference<Instant> failingSince = new AtomicReference<>();

    public OutboxRelay(KafkaTemplate<String, byte[]> kafka, MongoTemplate mongo, Clock clock,
                       @Value("${readmission.outbox.sweep-age:PT10S}") Duration sweepAge) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.clock = clock;
        this.sweepAge = sweepAge;
    }

    /**
     * Sends the carriers' messages; once the broker has acknowledged all messages of a carrier, its pending flag is
     * cleared (one update for the whole batch). A carrier whose messages failed stays pending for the sweep.
     */
    public CompletableFuture<Void> relayAll(List<? extends OutboxCarrier> carriers, Class<?> documentType) {
        if (carriers.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<String>> relayed = carriers.stream().map(this::sendAll).toList();
        return CompletableFuture.allOf(relayed.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<String> ids = relayed.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
            if (!ids.isEmpty()) {
                try {
                    mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), Update.update("outboxPending", false), documentType);
                } catch (RuntimeException e) {
                    failed("marking " + ids.size() + " document(s) relayed", e);
                }
            }
        });
    }

    /** After a restart: re-publishes every pending document, whatever its age. */
    public int recoverAll(Class<? extends OutboxCarrier> documentType, String timeField) {
        return republish(Query.query(Criteria.where("outboxPending").is(true)), documentType, timeField);
    }

    /**
     * While running: re-publishes documents still pending after {@code readmission.outbox.sweep-age}, but only when
     * a publication of this process has failed since the last sweep that covered it.
     */
    public int sweep(Class<? extends OutboxCarrier> documentType, String timeField) {
        Instant since = failingSince.get();
        if (since == null) {
            return 0;
        }
        Instant olderThan = clock.instant().minus(sweepAge);
        int found = republish(Query.query(Criteria.where("outboxPending").is(true).and(timeField).lt(olderThan)), documentType, timeField);
        if (found < PAGE && since.isBefore(olderThan)) {
            failingSince.compareAndSet(since, null);
        }
        return found;
    }

    private int republish(Query pending, Class<? extends OutboxCarrier> documentType, String timeField) {
        List<? extends OutboxCarrier> carriers = mongo.find(pending.with(Sort.by(timeField)).limit(PAGE), documentType);
        relayAll(carriers, documentType).join();
        if (!carriers.isEmpty()) {
            log.info("outbox sweep re-published the messages of {} {} document(s)", carriers.size(), documentType.getSimpleName());
        }
        return carriers.size();
    }

    private void failed(String what, Throwable failure) {
        failingSince.compareAndSet(null, clock.instant());
        log.warn("{} failed ({}); the outbox sweep will retry", what, failure.getMessage());
    }

    private CompletableFuture<String> sendAll(OutboxCarrier carrier) {
        CompletableFuture<?>[] sends = carrier.outbox().stream().map(this::send).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends).thenApply(done -> carrier.id()).exceptionally(failure -> {
            failed("publishing the outbox of " + carrier.id(), failure);
            return null;
        });
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, message.key(), message.payload());
        message.headers().forEach(h -> record.headers().add(h.name(), h.value().getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }
}
