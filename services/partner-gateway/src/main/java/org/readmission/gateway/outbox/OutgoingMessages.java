package org.readmission.gateway.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.EventType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns an Avro record into an outbox message with CloudEvents binary-mode headers and a deterministic id. */
@Component
public class OutgoingMessages {

    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final String source;

    public OutgoingMessages(AvroCodec codec, EventCatalog catalog, @Value("${readmission.gateway.source:partner-gateway}") String source) {
        this.codec = codec;
        this.catalog = catalog;
        this.source = source;
    }

    /**
     * @param idParts what makes this message unique (e.g. "ack" + the submission key): the same parts always give
     *                the same ce_id, so a message re-published after a crash is a recognisable duplicate
     */
    public OutboxMessage event(SpecificRecord record, String topic, String key, String subject, Instant time, String... idParts) {
        EventType type = catalog.of(record.getClass());
        CloudEventAttributes attributes = CloudEventAttributes.of(type, EventIds.deterministic(idParts), source, subject, time);
        return new OutboxMessage(attributes.id(), topic, key, headersOf(attributes), codec.encode(record));
    }

    private static List<OutboxMessage.Header> headersOf(CloudEventAttributes a) {
        List<OutboxMessage.Header> headers = new ArrayList<>();
        add(headers, CloudEventHeaders.SPEC_VERSION, a.specVersion());
        add(headers, CloudEventHeaders.ID, a.id());
        add(headers, CloudEventHeaders.SOURCE, a.source());
        add(headers, CloudEventHeaders.TYPE, a.type());
        add(headers, CloudEventHeaders.SUBJECT, a.subject());
        add(headers, CloudEventHeaders.TIME, a.time() == null ? null : a.time().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, a.contentType());
        add(headers, CloudEventHeaders.DATA_SCHEMA, a.dataSchema());
        return headers;
    }

    private static void add(List<OutboxMessage.Header> headers, String name, String value) {
        if (value != null) {
            headers.add(new OutboxMessage.Header(name, value));
        }
    }
}
