package org.readmission.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.partner.ReasonCode;

/** What a consumed record turned out to be: a decoded event of the catalogue, or unreadable and why. */
public sealed interface Envelope permits Envelope.Decoded, Envelope.Unreadable {

    /** Headers complete, payload decoded, {@code ce_type} equal to the payload's type. */
    record Decoded(CloudEventAttributes attributes, SpecificRecord payload, String position) implements Envelope {

        /** The payload as the expected type. */
        public <T extends SpecificRecord> T payloadAs(Class<T> type) {
            return type.cast(payload);
        }
    }

    /** Not an event this system can read: the reason code and a message for the dead-letter topic. */
    record Unreadable(ReasonCode code, String message) implements Envelope {
    }
}
