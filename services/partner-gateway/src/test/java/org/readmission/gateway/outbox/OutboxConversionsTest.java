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

    @org.junit.jupiter.api.Test
    void aMessageOfACaseIsSealedUnderTheCaseKeyAndUnreadableOnceTheKeyIsShredded() {
        org.readmission.protection.CaseKeys caseKeys = new org.readmission.protection.CaseKeys(
                new org.readmission.testing.InMemoryCaseKeyStore(),
                org.readmission.protection.Keysets.generate(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM));
        OutboxMessage message = new OutboxMessage("id-1", "readmission.case-commands", "RC-1",
                java.util.List.of(new OutboxMessage.Header("ce_type", "x.v1")), "Məmmədov".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .sealedUnder("RC-1", "ce:DE-BPOL:s-1");
        var writer = new OutboxConversions.MessageWriter(ENCRYPTION, () -> caseKeys);
        var reader = new OutboxConversions.MessageReader(ENCRYPTION, () -> caseKeys);
        org.bson.types.Binary stored = writer.convert(message);
        assertThat(new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Məmmədov", "x.v1")
                .contains("RC-1", "ce:DE-BPOL:s-1");
        OutboxMessage read = reader.convert(stored);
        assertThat(read.payload()).isEqualTo(message.payload());
        assertThat(read.caseSeal()).isEqualTo(message.caseSeal());
        assertThat(writer.convert(read).getData()[0]).as("stored again under the case key").isEqualTo(OutboxConversions.CASE_SEALED);
        // moved to another submission (owner), it does not open
        byte[] moved = new String(stored.getData(), java.nio.charset.StandardCharsets.ISO_8859_1).replace("s-1", "s-2")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.convert(new org.bson.types.Binary(moved)))
                .isInstanceOf(org.readmission.protection.ProtectionException.class);

        caseKeys.shred("RC-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.convert(stored))
                .isInstanceOf(org.readmission.protection.CaseKeyShreddedException.class);
    }

    static final org.readmission.protection.FieldEncryption ENCRYPTION = new org.readmission.protection.FieldEncryption(
            org.readmission.protection.Keysets.generate(com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM));
}
