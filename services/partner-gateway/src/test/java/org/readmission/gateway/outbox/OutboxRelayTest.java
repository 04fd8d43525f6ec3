package org.readmission.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final OutboxRelay relay = new OutboxRelay(kafka, mongo, Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC), Duration.ZERO);

    record Carrier(String id, List<OutboxMessage> outbox) implements OutboxCarrier {
    }

    private static Carrier carrier(String id) {
        return new Carrier(id, List.of(new OutboxMessage("m-" + id, "topic", "key", List.of(new OutboxMessage.Header("ce_id", "m-" + id)), new byte[] {1})));
    }

    @Test
    void marksAllRelayedDocumentsInOneUpdate() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        relay.relayAll(List.of(carrier("a"), carrier("b")), Carrier.class).join();

        verify(mongo).updateMulti(any(Query.class), any(Update.class), eq(Carrier.class));
    }

    @Test
    void doesNotScanTheStoreWhileNothingFailed() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        relay.relayAll(List.of(carrier("a")), Carrier.class).join();

        assertThat(relay.sweep(Carrier.class, "receivedAt")).isZero();
        verify(mongo, never()).find(any(Query.class), eq(Carrier.class));
    }

    @Test
    void sweepsTheStoreAfterAPublicationFailedAndLeavesTheFailedDocumentPending() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        relay.relayAll(List.of(carrier("a")), Carrier.class).join();
        verify(mongo, never()).updateMulti(any(Query.class), any(Update.class), eq(Carrier.class));

        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        when(mongo.find(any(Query.class), eq(Carrier.class))).thenReturn(List.of(carrier("a")));

        assertThat(relay.sweep(Carrier.class, "receivedAt")).isEqualTo(1);
        verify(mongo).updateMulti(any(Query.class), any(Update.class), eq(Carrier.class));
    }
}
