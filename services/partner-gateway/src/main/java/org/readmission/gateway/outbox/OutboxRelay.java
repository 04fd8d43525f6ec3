package org.readmission.gateway.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

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
 * after the document is saved; a periodic sweep re-publishes whatever is still pending (a crash, a broker outage),
 * with the same ce_ids, so consumers see each message once.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration sweepAge;

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
                mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), Update.update("outboxPending", false), documentType);
            }
        });
    }

    /** Re-publishes documents whose messages are still pending after {@code readmission.outbox.sweep-age}. */
    public int sweep(Class<? extends OutboxCarrier> documentType, String timeField) {
        Instant olderThan = clock.instant().minus(sweepAge);
        Query pending = Query.query(Criteria.where("outboxPending").is(true).and(timeField).lt(olderThan))
                .with(Sort.by(timeField)).limit(500);
        List<? extends OutboxCarrier> carriers = mongo.find(pending, documentType);
        relayAll(carriers, documentType).join();
        if (!carriers.isEmpty()) {
            log.info("outbox sweep re-published the messages of {} {} document(s)", carriers.size(), documentType.getSimpleName());
        }
        return carriers.size();
    }

    private CompletableFuture<String> sendAll(OutboxCarrier carrier) {
        CompletableFuture<?>[] sends = carrier.outbox().stream().map(this::send).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sends).thenApply(done -> carrier.id()).exceptionally(failure -> {
            log.warn("outbox of {} not yet published ({}); the sweep will retry", carrier.id(), failure.getMessage());
            return null;
        });
    }

    private CompletableFuture<?> send(OutboxMessage message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), null, message.key(), message.payload());
        message.headers().forEach(h -> record.headers().add(h.name(), h.value().getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }
}
