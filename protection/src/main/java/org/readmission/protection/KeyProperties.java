package org.readmission.protection;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service's keysets are. Local stack: generated on first start into {@code dir} (cleartext Tink JSON keysets,
 * owner-only file permissions, for one machine only). Production: point {@code aead-keyset} and {@code index-keyset}
 * at provisioned keysets (e.g. from a secrets store) and set {@code generate-if-missing=false}.
 *
 * @param dir               directory of generated keysets (default {@code ./.local-data/keys})
 * @param aeadKeyset        AES-256-GCM keyset of field encryption
 * @param indexKeyset       HMAC-SHA256 PRF keyset of the blind index
 * @param generateIfMissing create missing keysets (one key each) at start-up
 */
@ConfigurationProperties("readmission.protection.keys")
public record KeyProperties(Path dir, Path aeadKeyset, Path indexKeyset, Boolean generateIfMissing) {

    public KeyProperties {
        dir = dir == null ? Path.of(".local-data", "keys") : dir;
        aeadKeyset = aeadKeyset == null ? dir.resolve("field-encryption.json") : aeadKeyset;
        indexKeyset = indexKeyset == null ? dir.resolve("blind-index.json") : indexKeyset;
        generateIfMissing = generateIfMissing == null || generateIfMissing;
    }
}
