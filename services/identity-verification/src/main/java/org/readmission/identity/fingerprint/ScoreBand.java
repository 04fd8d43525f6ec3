package org.readmission.identity.fingerprint;

import java.util.Locale;

/** What is reported of a comparison instead of the score: a band relative to the configured threshold. */
public enum ScoreBand {
    /** at least twice the threshold */
    HIGH,
    /** at least the threshold */
    MEDIUM,
    /** at least half the threshold: not a match, but not clearly another person either */
    LOW,
    /** below half the threshold */
    NO_MATCH;

    public static ScoreBand of(double score, double threshold) {
        if (score >= 2 * threshold) {
            return HIGH;
        }
        if (score >= threshold) {
            return MEDIUM;
        }
        return score >= threshold / 2 ? LOW : NO_MATCH;
    }

    public boolean isMatch() {
        return this == HIGH || this == MEDIUM;
    }

    /** e.g. "MEDIUM (40 <= score < 80)". */
    public String label(double threshold) {
        String t = formatScore(threshold);
        String twice = formatScore(2 * threshold);
        String half = formatScore(threshold / 2);
        switch (this) {
            case HIGH:
                return "HIGH (score >= " + twice + ")";
            case MEDIUM:
                return "MEDIUM (" + t + " <= score < " + twice + ")";
            case LOW:
                return "LOW (" + half + " <= score < " + t + ")";
            default:
                return "NO_MATCH (score < " + half + ")";
        }
    }

    /** A score or threshold as reported: whole numbers without decimals. */
    public static String formatScore(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
