package org.readmission.identity.assessment;

/**
 * @param band                label of the score band ("HIGH (score >= 80)"), null when not compared
 * @param registryNationality nationality (ISO alpha-2) of the matched record, or null
 */
public record FingerprintFinding(FingerprintStanding standing, String band, String registryNationality) {

    public static FingerprintFinding notCompared() {
        return new FingerprintFinding(FingerprintStanding.NOT_COMPARED, null, null);
    }
}
