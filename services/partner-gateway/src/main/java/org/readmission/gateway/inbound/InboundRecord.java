package org.readmission.gateway.inbound;

import java.util.List;

import org.readmission.events.CloudEventAttributes;
import org.readmission.gateway.outbox.OutboxMessage;

/** A Kafka record as it arrived, before anything is decided about it. */
public record InboundRecord(String topic, int partition, long offset, String key, byte[] value,
                            List<OutboxMessage.Header> headers, CloudEventAttributes attributes) {

    /** The de-duplication key: the CloudEvent's source and id (unique together), or the record's position when it has none. */
    public String dedupKey() {
        if (present(attributes.id()) && present(attributes.source())) {
            return eventKey(attributes.source(), attributes.id());
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
