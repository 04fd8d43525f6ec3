package org.readmission.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderConversionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ce_id|1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            "a:b:c|value:with:colons",
            "12|34",
            "dlt-reason-message|''",
            "x.y$z|ünïcødé Məmmədov"})
    void storesAHeaderAsOneStringAndReadsItBack(String name, String value) {
        OutboxMessage.Header header = new OutboxMessage.Header(name, value);
        String stored = new HeaderConversions.HeaderWriter().convert(header);
        assertThat(new HeaderConversions.HeaderReader().convert(stored)).isEqualTo(header);
    }
}
