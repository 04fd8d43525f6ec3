package org.readmission.gateway.inbound;

import java.util.List;

import org.readmission.events.CloudEventAttributes;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.security.PartyIsolation;
import org.readmission.security.ReadmissionPrincipal;

/**
 * A Kafka record as it arrived, before anything is decided about it. {@code writer} is the party the broker
 * authenticated as its producer when the topic tells it (a party's own submission topic, see {@link SubmissionTopics});
 * null when it does not (the shared submission topic, case events): then only {@code ce_source} names the sender.
 */
public record InboundRecord(String topic, int partition, long offset, String key, byte[] value,
                            List<OutboxMessage.Header> headers, CloudEventAttributes attributes, ReadmissionPrincipal writer) {

    /** A record whose writer the topic does not tell. */
    public InboundRecord(String topic, int partition, long offset, String key, byte[] value,
                         List<OutboxMessage.Header> headers, CloudEventAttributes attributes) {
        this(topic, partition, offset, key, value, headers, attributes, null);
    }

    /** The same record, written by {@code writer} as the broker guarantees. */
    public InboundRecord writtenBy(ReadmissionPrincipal writer) {
        return new InboundRecord(topic, partition, offset, key, value, headers, attributes, writer);
    }

    /**
     * Whether the record names its authenticated writer as its sender ({@code ce_source}); the same check as for a
     * REST submission and its token. Always true when the writer is not known.
     */
    public boolean sentInItsWritersName() {
        return writer == null || PartyIsolation.maySendAs(writer, attributes.source());
    }

    /** Who sent the record: the authenticated writer's party when known, else the party that ce_source names. */
    public String sender() {
        return writer != null ? writer.party() : attributes.source();
    }

    /**
     * The de-duplication key: the CloudEvent's source and id (unique together), or the record's position when it has
     * none. A record in another party's name than its authenticated writer's is keyed by the writer, so that it cannot
     * take the id of a submission of the party it pretends to be.
     */
    public String dedupKey() {
        if (present(attributes.id()) && present(attributes.source())) {
            return eventKey(sentInItsWritersName() ? attributes.source() : writer.party(), attributes.id());
        }
        return "kafka:" + kafkaPosition();
    }

    /** De-duplication key of a CloudEvent: its id is unique within its source. */
    public static String eventKey(String source, String ceId) {
        return "ce:" + source + ":" + ceId;
    }

    /** Where the record was read; the same record read again at the same position is a redelivery. */
    public String kafkaPosition() {
        return topic + "-" + partition + "@" + offset;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
