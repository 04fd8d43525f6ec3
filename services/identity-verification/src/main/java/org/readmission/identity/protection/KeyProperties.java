package org.readmission.identity.protection;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keysets are. Local stack: generated on first start into {@code dir} (cleartext Tink JSON keysets, only
 * for one machine). Production: point {@code aead-keyset} and {@code index-keyset} at provisioned keysets and set
 * {@code generate-if-missing=false}.
 *
 * @param dir               directory of generated keysets
 * @param aeadKeyset        AES-256-GCM keyset encrypting document numbers and fingerprint templates
 * @param indexKeyset       HMAC-SHA256 PRF keyset of the blind index of document numbers
 * @param generateIfMissing create missing keysets (one key each) at start-up
 */
@ConfigurationProperties("readmission.identity.keys")
public record KeyProperties(Path dir, Path aeadKeyset, Path indexKeyset, Boolean generateIfMissing) {

    public KeyProperties {
        dir = dir == null ? Path.of(".local-data", "identity-verification", "keys") : dir;
        aeadKeyset = aeadKeyset == null ? dir.resolve("field-encryption.json") : aeadKeyset;
        indexKeyset = indexKeyset == null ? dir.resolve("blind-index.json") : indexKeyset;
        generateIfMissing = generateIfMissing == null || generateIfMissing;
    }
}
