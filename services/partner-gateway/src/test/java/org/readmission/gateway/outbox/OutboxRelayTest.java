package org.readmission.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final OutboxRelay relay = new OutboxRelay(kafka, Duration.ofMillis(200));

    record Carrier(List<OutboxMessage> outbox) implements OutboxCarrier {
    }

    private static Carrier carrierOf(String... ids) {
        return new Carrier(java.util.Arrays.stream(ids)
                .map(id -> new OutboxMessage(id, "topic", "key", List.of(new OutboxMessage.Header("ce_id", id)), new byte[] {1}))
                .toList());
    }

    @Test
    void returnsOnlyWhenTheBrokerHasConfirmedEveryMessage() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        assertThatCode(() -> relay.publish(List.of(carrierOf("a", "b"), carrierOf("c")))).doesNotThrowAnyException();
        verify(kafka, times(3)).send(any(ProducerRecord.class));
    }

    @Test
    void failsTheBatchWhenOneMessageIsNotConfirmed() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        assertThatThrownBy(() -> relay.publish(List.of(carrierOf("a"), carrierOf("b"))))
                .isInstanceOf(OutboxRelay.OutboxNotPublishedException.class).hasMessageContaining("delivered again");
    }

    @Test
    void failsTheBatchWhenTheBrokerDoesNotAnswerInTime() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(new CompletableFuture<>());

        assertThatThrownBy(() -> relay.publish(List.of(carrierOf("a"))))
                .isInstanceOf(OutboxRelay.OutboxNotPublishedException.class);
    }
}
