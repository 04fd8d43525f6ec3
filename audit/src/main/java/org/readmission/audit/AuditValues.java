package org.readmission.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an audit record may hold: identifiers, codes and names of fields and types, never free text. A value with
 * white space, or longer than an identifier, is refused, so that a name, an address or a message text cannot slip in.
 */
public final class AuditValues {

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:@/,+=#-]{1,200}");
    static final Pattern PURPOSE = Pattern.compile("[a-z][a-z -]{0,79}");

    private AuditValues() {
    }

    /**
     * A value received from outside (a partner's ce_id, ce_type, ce_source) made safe to record: kept when it is an
     * identifier, otherwise replaced by {@code sha256:<16 hex>} of it, which still correlates with the raw record.
     */
    public static String identifier(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return IDENTIFIER.matcher(raw).matches() ? raw : "sha256:" + sha256(raw).substring(0, 16);
    }

    static String require(String name, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException("audit field '" + name + "' is required");
            }
            return null;
        }
        if (!IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("audit field '" + name + "' must be an identifier or code (no spaces, at most 200 "
                    + "characters), never a personal data value; use AuditValues.identifier(..) for values received from outside");
        }
        return value;
    }

    static String requirePurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("audit purpose must be a short lower-case phrase such as 'readmission exchange'");
        }
        return purpose;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
