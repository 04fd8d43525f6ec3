package org.readmission.identity.fingerprint;

/**
 * The result of comparing a person's fingerprints with enrolled ones: the best score of any finger pair (kept
 * inside the service), its band, and how many pairs were compared.
 */
public record Comparison(double score, ScoreBand band, int comparedPairs) {

    public boolean isMatch() {
        return band.isMatch();
    }
}
