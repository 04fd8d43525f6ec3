package org.readmission.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.ReasonCode;

/**
 * The envelope checks every consumer makes before it looks at content: the required CloudEvents headers are there,
 * the payload decodes (a known schema fingerprint), and {@code ce_type} names the payload's type. Never throws,
 * whatever the bytes.
 */
public class EnvelopeReader {

    private final AvroCodec codec;
    private final EventCatalog catalog;

    public EnvelopeReader(AvroCodec codec, EventCatalog catalog) {
        this.codec = codec;
        this.catalog = catalog;
    }

    public Envelope read(ConsumerRecord<String, byte[]> record) {
        CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
        if (!attributes.missingRequired().isEmpty()) {
            return new Envelope.Unreadable(ReasonCode.MISSING_HEADER, "missing CloudEvents headers " + attributes.missingRequired());
        }
        if (record.value() == null) {
            return new Envelope.Unreadable(ReasonCode.UNDECODABLE_PAYLOAD, "the record has no value");
        }
        SpecificRecord payload;
        try {
            payload = codec.decode(record.value());
        } catch (UndecodableEventException e) {
            ReasonCode code = e.problem() == UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT
                    ? ReasonCode.UNKNOWN_SCHEMA : ReasonCode.UNDECODABLE_PAYLOAD;
            return new Envelope.Unreadable(code, e.getMessage());
        }
        String payloadType = catalog.of(payload.getClass()).ceType();
        if (!payloadType.equals(attributes.type())) {
            return new Envelope.Unreadable(ReasonCode.TYPE_MISMATCH, "ce_type " + attributes.type() + " but the payload is a " + payloadType);
        }
        return new Envelope.Decoded(attributes, payload, DeadLetters.positionOf(record));
    }
}
