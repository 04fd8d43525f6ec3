package org.readmission.gateway.submission;

import java.util.List;

import org.readmission.events.CloudEventAttributes;
import org.readmission.gateway.outbox.OutboxMessage;

/** A record as it arrived on the submissions topic, before anything is decided about it. */
public record InboundSubmission(String topic, int partition, long offset, String key, byte[] value,
                                List<OutboxMessage.Header> headers, CloudEventAttributes attributes) {

    /** The de-duplication key: the CloudEvent's source and id, or the record's position when it has none. */
    public String submissionKey() {
        if (present(attributes.id()) && present(attributes.source())) {
            return SubmissionKeys.ofEvent(attributes.source(), attributes.id());
        }
        return SubmissionKeys.ofPosition(topic, partition, offset);
    }

    public String kafkaPosition() {
        return topic + "-" + partition + "@" + offset;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
