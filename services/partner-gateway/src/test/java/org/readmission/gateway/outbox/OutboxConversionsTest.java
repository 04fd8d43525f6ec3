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
        org.bson.types.Binary stored = new OutboxConversions.MessageWriter(ENCRYPTION).convert(message);
        OutboxMessage read = new OutboxConversions.MessageReader(ENCRYPTION).convert(stored);
        assertThat(read.id()).isEqualTo("id-1");
        assertThat(read.key()).isNull();
        assertThat(read.headers()).isEqualTo(message.headers());
        assertThat(read.payload()).isEqualTo(message.payload());
        assertThat(new String(stored.getData(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("stored encrypted").doesNotContain("readmission.case-commands", "x.v1");
    }

    @org.junit.jupiter.api.Test
    void aStoredMessageMovedToAnotherIdDoesNotDecrypt() {
        OutboxMessage message = new OutboxMessage("id-1", "t", "k", java.util.List.of(), new byte[] {1});
        byte[] stored = new OutboxConversions.MessageWriter(ENCRYPTION).convert(message).getData();
        byte[] moved = stored.clone();
        moved[6] = (byte) '2'; // the id in clear (after the marker and its 2-byte length): "id-1" -> "id-2"
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OutboxConversions.MessageReader(ENCRYPTION)
                .convert(new org.bson.types.Binary(moved))).isInstanceOf(org.readmission.protection.ProtectionException.class);
    }

    @org.junit.jupiter.api.Test
    void readsAMessageStoredBeforeEncryption() {
        OutboxMessage message = new OutboxMessage("id-1", "t", "k", java.util.List.of(), new byte[] {1, 2});
        assertThat(new OutboxConversions.MessageReader(ENCRYPTION).convert(new org.bson.types.Binary(OutboxMessageCodec.encode(message)))
                .payload()).containsExactly(1, 2);
    }

    static final org.readmission.protection.FieldEncryption ENCRYPTION = new org.readmission.protection.FieldEncryption(
            org.readmission.protection.Keysets.generate(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM));
}
