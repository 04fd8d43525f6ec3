package org.readmission.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxConversionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ce_id|1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "a:b:c|value:with:colons",
            "12|34",
            "dlt-reason-message|''",
            "x.y$z|ünïcødé Məmmədov"})
    void storesAHeaderAsOneStringAndReadsItBack(String name, String value) {
        OutboxMessage.Header header = new OutboxMessage.Header(name, value);
        String stored = new OutboxConversions.HeaderWriter().convert(header);
        assertThat(new OutboxConversions.HeaderReader().convert(stored)).isEqualTo(header);
    }

    @org.junit.jupiter.api.Test
    void storesAnOutboxMessageAsOneBinaryAndReadsItBack() {
        OutboxMessage message = new OutboxMessage("id-1", "readmission.case-commands", null,
                java.util.List.of(new OutboxMessage.Header("ce_id", "id-1"), new OutboxMessage.Header("ce_type", "x.v1")), new byte[] {(byte) 0xC3, 1, 2});
        OutboxMessage read = new OutboxConversions.MessageReader().convert(new OutboxConversions.MessageWriter().convert(message));
        assertThat(read.id()).isEqualTo("id-1");
        assertThat(read.key()).isNull();
        assertThat(read.headers()).isEqualTo(message.headers());
        assertThat(read.payload()).isEqualTo(message.payload());
    }
}
