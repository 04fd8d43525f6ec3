package org.readmission.gateway.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.readmission.events.CloudEventHeaders;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.OutboxMessage;

/** Turns a consumed Kafka record into an {@link InboundRecord}; never fails, whatever the bytes. */
final class InboundRecords {

    private InboundRecords() {
    }

    static InboundRecord of(ConsumerRecord<String, byte[]> record) {
        List<OutboxMessage.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new OutboxMessage.Header(header.key(),
                    header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        return new InboundRecord(record.topic(), record.partition(), record.offset(), record.key(), value, headers,
                CloudEventHeaders.read(record.headers()));
    }
}
