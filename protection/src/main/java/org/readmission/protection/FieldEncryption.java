package org.readmission.protection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;

/**
 * Application-level encryption of sensitive fields (AES-256-GCM, Tink AEAD). The associated data binds a ciphertext
 * to its owner and field ({@code owner + '/' + field}, e.g. a case id or registry record id and "documentNumber"), so
 * a ciphertext copied to another record or field does not decrypt.
 */
public class FieldEncryption {

    private final Aead aead;

    public FieldEncryption(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the field-encryption keyset is not an AEAD keyset", e);
        }
    }

    public byte[] encrypt(byte[] plaintext, String owner, SensitiveField field) {
        try {
            return aead.encrypt(plaintext, associatedData(owner, field));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not encrypt " + field + " of " + owner, e);
        }
    }

    public byte[] decrypt(byte[] ciphertext, String owner, SensitiveField field) {
        try {
            return aead.decrypt(ciphertext, associatedData(owner, field));
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not decrypt " + field + " of " + owner
                    + " (wrong key or associated data, or altered ciphertext)", e);
        }
    }

    public byte[] encryptText(String plaintext, String owner, SensitiveField field) {
        return encrypt(plaintext.getBytes(UTF_8), owner, field);
    }

    public String decryptText(byte[] ciphertext, String owner, SensitiveField field) {
        return new String(decrypt(ciphertext, owner, field), UTF_8);
    }

    private static byte[] associatedData(String owner, SensitiveField field) {
        return (owner + "/" + field.fieldName()).getBytes(UTF_8);
    }
}
