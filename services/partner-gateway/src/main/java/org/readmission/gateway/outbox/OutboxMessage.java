package org.readmission.gateway.outbox;

import java.util.List;

/**
 * A Kafka record waiting to be published, stored inside the document whose change produced it (no dual write).
 * {@code id} is the deterministic ce_id, so a re-publication after a crash is recognised by every consumer.
 *
 * @param caseSeal null: stored sealed with the service-wide key ({@code FieldEncryption}); else stored sealed under
 *                 the key of this case ({@code CaseKeys}), so that shredding the case key makes it unreadable
 */
public record OutboxMessage(String id, String topic, String key, List<Header> headers, byte[] payload, CaseSeal caseSeal) {

    /** A message stored under the service-wide key. */
    public OutboxMessage(String id, String topic, String key, List<Header> headers, byte[] payload) {
        this(id, topic, key, headers, payload, null);
    }

    /** The same message, to be stored sealed under {@code caseId}'s key, bound to {@code owner} (a document key) and its id. */
    public OutboxMessage sealedUnder(String caseId, String owner) {
        return new OutboxMessage(id, topic, key, headers, payload, new CaseSeal(caseId, owner));
    }

    /** A Kafka header kept as text (CloudEvents attributes and reasons are text). */
    public record Header(String name, String value) {
    }

    /**
     * Which case key seals the stored message, and the document it belongs to; the associated data is the case id, the
     * owner plus the message id, and the field ({@code GatewayFields.OUTBOX_MESSAGE}). Ids only.
     */
    public record CaseSeal(String caseId, String owner) {
    }
}
