package org.readmission.protection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;

/**
 * Blind index for exact look-up of encrypted values (HMAC-SHA256 PRF, Tink): {@code <key id>:<first 16 bytes, hex>}
 * of the keyed hash of {@code kind + ':' + value}. New values are indexed under the primary key; a search tries every
 * key of the keyset, so values indexed before a rotation are still found.
 */
public class BlindIndex {

    private static final int LENGTH = 16;

    private final PrfSet prfs;

    public BlindIndex(KeysetHandle keyset) {
        try {
            this.prfs = keyset.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the blind-index keyset is not a PRF keyset", e);
        }
    }

    /** The index entry to store, under the primary key. */
    public String of(String kind, String value) {
        try {
            return entry(prfs.getPrimaryId(), prfs.getPrfs().get(prfs.getPrimaryId()), kind, value);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not index a " + kind, e);
        }
    }

    /** Every entry the value may have been stored under (one per key), to search with. */
    public List<String> candidates(String kind, String value) {
        try {
            return prfs.getPrfs().entrySet().stream().map(e -> entry(e.getKey(), e.getValue(), kind, value)).toList();
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not index a " + kind, e);
        }
    }

    private static String entry(int keyId, Prf prf, String kind, String value) {
        try {
            byte[] hash = prf.compute((kind + ":" + value).getBytes(UTF_8), LENGTH);
            return Integer.toHexString(keyId) + ":" + HexFormat.of().formatHex(hash);
        } catch (GeneralSecurityException e) {
            throw new ProtectionException("could not index a " + kind, e);
        }
    }
}
