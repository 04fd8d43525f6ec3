package org.readmission.gateway.outbox;

import java.util.List;

/**
 * A Kafka record waiting to be published, stored inside the document whose change produced it (no dual write).
 * {@code id} is the deterministic ce_id, so a re-publication after a crash is recognised by every consumer.
 */
public record OutboxMessage(String id, String topic, String key, List<Header> headers, byte[] payload) {

    /** A Kafka header kept as text (CloudEvents attributes and reasons are text). */
    public record Header(String name, String value) {
    }
}
