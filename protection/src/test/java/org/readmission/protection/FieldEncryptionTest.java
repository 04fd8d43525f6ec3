package org.readmission.protection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldEncryptionTest {

    enum ProtectedField implements SensitiveField {
        DOCUMENT_NUMBER, FINGERPRINT_TEMPLATE;

        @Override
        public String fieldName() {
            return name();
        }
    }


    @Test
    void decryptsOnlyWithTheSameOwnerAndField() {
        FieldEncryption encryption = new FieldEncryption(Keysets.generate(PredefinedAeadParameters.AES256_GCM));
        byte[] ciphertext = encryption.encryptText("C12345678", "RC-1", ProtectedField.DOCUMENT_NUMBER);

        assertThat(new String(ciphertext, UTF_8)).doesNotContain("C12345678");
        assertThat(encryption.decryptText(ciphertext, "RC-1", ProtectedField.DOCUMENT_NUMBER)).isEqualTo("C12345678");
        assertThatThrownBy(() -> encryption.decryptText(ciphertext, "RC-2", ProtectedField.DOCUMENT_NUMBER))
                .isInstanceOf(ProtectionException.class).hasMessageNotContaining("C12345678");
        assertThatThrownBy(() -> encryption.decryptText(ciphertext, "RC-1", ProtectedField.FINGERPRINT_TEMPLATE))
                .isInstanceOf(ProtectionException.class);
    }

    @Test
    void readsDataEncryptedUnderAnOldKeyAfterRotation() {
        KeysetHandle before = Keysets.generate(PredefinedAeadParameters.AES256_GCM);
        byte[] old = new FieldEncryption(before).encryptText("C12345678", "AZR-1", ProtectedField.DOCUMENT_NUMBER);

        KeysetHandle after = Keysets.rotate(before, PredefinedAeadParameters.AES256_GCM);
        FieldEncryption rotated = new FieldEncryption(after);
        byte[] fresh = rotated.encryptText("C12345678", "AZR-1", ProtectedField.DOCUMENT_NUMBER);

        assertThat(after.size()).isEqualTo(2);
        assertThat(after.getPrimary().getId()).isNotEqualTo(before.getPrimary().getId());
        assertThat(rotated.decryptText(old, "AZR-1", ProtectedField.DOCUMENT_NUMBER)).isEqualTo("C12345678");
        assertThatThrownBy(() -> new FieldEncryption(before).decryptText(fresh, "AZR-1", ProtectedField.DOCUMENT_NUMBER))
                .as("the old keyset does not know the new primary key").isInstanceOf(ProtectionException.class);
    }

    @Test
    void findsValuesIndexedBeforeARotationOfTheIndexKey() {
        KeysetHandle before = Keysets.generate(PredefinedPrfParameters.HMAC_SHA256_PRF);
        String stored = new BlindIndex(before).of("document-number", "C12345678");

        BlindIndex rotated = new BlindIndex(Keysets.rotate(before, PredefinedPrfParameters.HMAC_SHA256_PRF));

        assertThat(stored).doesNotContain("12345678");
        assertThat(new BlindIndex(before).of("document-number", "C12345678")).isEqualTo(stored);
        assertThat(rotated.of("document-number", "C12345678")).isNotEqualTo(stored);
        assertThat(rotated.candidates("document-number", "C12345678")).contains(stored).hasSize(2);
        assertThat(rotated.candidates("document-number", "C12345679")).doesNotContain(stored);
    }

    @Test
    void generatesAKeysetFileOnceAndLoadsItAfterwards(@TempDir Path dir) {
        Path file = dir.resolve("keys/field-encryption.json");
        KeysetHandle generated = Keysets.loadOrGenerate(file, PredefinedAeadParameters.AES256_GCM, true);
        byte[] ciphertext = new FieldEncryption(generated).encryptText("AA1234567", "AZR-1", ProtectedField.DOCUMENT_NUMBER);

        KeysetHandle loaded = Keysets.loadOrGenerate(file, PredefinedAeadParameters.AES256_GCM, false);

        assertThat(new FieldEncryption(loaded).decryptText(ciphertext, "AZR-1", ProtectedField.DOCUMENT_NUMBER)).isEqualTo("AA1234567");
        assertThatThrownBy(() -> Keysets.loadOrGenerate(dir.resolve("missing.json"), PredefinedAeadParameters.AES256_GCM, false))
                .isInstanceOf(IllegalStateException.class);
    }
}
