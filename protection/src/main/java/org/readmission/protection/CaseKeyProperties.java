package org.readmission.protection;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-case keys ({@link CaseKeys}). They are made when the service has a MongoDB client and kept in its database.
 *
 * @param wrappingKeyset AES-256-GCM keyset that wraps (encrypts) the case keys; default: the field-encryption
 *                       keyset ({@code readmission.protection.keys.aead-keyset}), the service's master AEAD keyset
 * @param collection     collection of the wrapped keys (default {@code case_keys})
 * @param cacheTtl       how long an unwrapped key is cached (default 5 minutes): another instance reads a shredded
 *                       case's data for at most this long
 * @param cacheSize      how many unwrapped keys are cached at most (default 10,000)
 */
@ConfigurationProperties("readmission.protection.case-keys")
public record CaseKeyProperties(Path wrappingKeyset, String collection, Duration cacheTtl, Integer cacheSize) {

    public CaseKeyProperties {
        collection = collection == null || collection.isBlank() ? MongoCaseKeyStore.DEFAULT_COLLECTION : collection;
        cacheTtl = cacheTtl == null ? CaseKeys.DEFAULT_CACHE_TTL : cacheTtl;
        cacheSize = cacheSize == null ? CaseKeys.DEFAULT_CACHE_SIZE : cacheSize;
    }

    /** The wrapping keyset's file: the configured one, else the service's field-encryption keyset. */
    public Path wrappingKeysetOr(KeyProperties keys) {
        return wrappingKeyset == null ? keys.aeadKeyset() : wrappingKeyset;
    }
}
