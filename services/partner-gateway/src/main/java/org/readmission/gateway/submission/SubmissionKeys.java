package org.readmission.gateway.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The keys under which submissions are de-duplicated, and the case id derived from an accepted application. */
public final class SubmissionKeys {

    static final String APPLICATION_PREFIX = "application:";

    private SubmissionKeys() {
    }

    public static String ofApplication(String requestingParty, String applicationId) {
        return APPLICATION_PREFIX + requestingParty.toUpperCase(Locale.ROOT) + ":" + applicationId;
    }

    /** Case id of an application, derived from its claim key so that a re-send can never open a second case. */
    public static String caseIdOf(String applicationClaimKey) {
        return "RC-" + sha256(applicationClaimKey.getBytes(StandardCharsets.UTF_8)).substring(0, 12).toUpperCase(Locale.ROOT);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
