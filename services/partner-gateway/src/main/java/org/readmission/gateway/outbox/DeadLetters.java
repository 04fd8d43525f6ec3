package org.readmission.gateway.outbox;

import java.util.ArrayList;
import java.util.List;

import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.gateway.inbound.InboundRecord;

/** A copy of an input that cannot be processed, for the topic's {@code .dlt}, with the reason in its headers. */
public final class DeadLetters {

    public static final String REASON_CODE = org.readmission.messaging.DeadLetters.REASON_CODE;
    public static final String REASON_MESSAGE = org.readmission.messaging.DeadLetters.REASON_MESSAGE;
    public static final String ORIGINAL_POSITION = org.readmission.messaging.DeadLetters.ORIGINAL_POSITION;

    private DeadLetters() {
    }

    /**
     * A dead letter that carries the reason and the original position but not the record's value (which stays where
     * it was): for input whose content must not be kept, e.g. an event of a case whose personal data was erased.
     */
    public static OutboxMessage withoutValue(InboundRecord in, String reasonCode, String reasonMessage) {
        OutboxMessage copy = of(in, reasonCode, reasonMessage);
        return new OutboxMessage(copy.id(), copy.topic(), copy.key(), copy.headers(), new byte[0]);
    }

    public static OutboxMessage of(InboundRecord in, String reasonCode, String reasonMessage) {
        List<OutboxMessage.Header> headers = new ArrayList<>(in.headers());
        headers.add(new OutboxMessage.Header(REASON_CODE, reasonCode));
        headers.add(new OutboxMessage.Header(REASON_MESSAGE, reasonMessage));
        headers.add(new OutboxMessage.Header(ORIGINAL_POSITION, in.kafkaPosition()));
        return new OutboxMessage(EventIds.deterministic("dead-letter", in.dedupKey()), Topics.dlt(in.topic()), in.key(), headers, in.value());
    }
}
