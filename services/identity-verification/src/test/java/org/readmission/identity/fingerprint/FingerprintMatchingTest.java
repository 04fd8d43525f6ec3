package org.readmission.identity.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.readmission.identity.testdata.SyntheticFingerprint;

/**
 * SourceAFIS on synthetic ISO 19794-2 templates at the configured threshold (40): genuine pairs are a finger's
 * enrolled template and a re-capture (noise, rotation, missed and spurious minutiae); impostor pairs are different
 * fingers. Measures and prints the false-match and false-non-match rates.
 */
class FingerprintMatchingTest {

    static final double THRESHOLD = 40;
    final FingerprintMatching matching = new FingerprintMatching(THRESHOLD);

    @Test
    void genuinePairsMatchAndImpostorPairsDoNotAtTheConfiguredThreshold() {
        Random random = new Random(2026);
        List<SyntheticFingerprint> fingers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            fingers.add(SyntheticFingerprint.random(2, random));
        }
        int genuine = 0;
        int falseNonMatches = 0;
        int impostor = 0;
        int falseMatches = 0;
        double lowestGenuine = Double.MAX_VALUE;
        double highestImpostor = 0;
        for (int i = 0; i < fingers.size(); i++) {
            byte[] enrolled = fingers.get(i).template();
            for (int capture = 0; capture < 3; capture++) {
                double score = matching.score(fingers.get(i).recapture(random), enrolled);
                genuine++;
                lowestGenuine = Math.min(lowestGenuine, score);
                falseNonMatches += score < THRESHOLD ? 1 : 0;
            }
            byte[] probe = fingers.get(i).recapture(random);
            for (int j = 0; j < fingers.size(); j++) {
                if (j != i) {
                    double score = matching.score(probe, fingers.get(j).template());
                    impostor++;
                    highestImpostor = Math.max(highestImpostor, score);
                    falseMatches += score >= THRESHOLD ? 1 : 0;
                }
            }
        }
        System.out.printf("Fingerprints at threshold %.0f: FNMR %d/%d = %.4f (lowest genuine score %.1f), "
                        + "FMR %d/%d = %.4f (highest impostor score %.1f)%n", THRESHOLD, falseNonMatches, genuine,
                (double) falseNonMatches / genuine, lowestGenuine, falseMatches, impostor, (double) falseMatches / impostor,
                highestImpostor);
        assertThat(falseNonMatches).as("false non-matches").isZero();
        assertThat(falseMatches).as("false matches").isZero();
    }

    @Test
    void verifiesAgainstTheClaimedIdentityAndReportsABand() {
        Random random = new Random(7);
        SyntheticFingerprint rightIndex = SyntheticFingerprint.random(2, random);
        SyntheticFingerprint otherPerson = SyntheticFingerprint.random(2, random);
        List<FingerprintSample> enrolled = List.of(new FingerprintSample("2", rightIndex.template()));

        Comparison same = matching.verify(List.of(new FingerprintSample("2", rightIndex.recapture(random))), enrolled);
        Comparison other = matching.verify(List.of(new FingerprintSample("2", otherPerson.recapture(random))), enrolled);

        assertThat(same.isMatch()).isTrue();
        assertThat(same.band()).isIn(ScoreBand.HIGH, ScoreBand.MEDIUM);
        assertThat(other.band()).isEqualTo(ScoreBand.NO_MATCH);
    }

    @Test
    void identifiesThePersonAmongManyWhenNoIdentityIsClaimed() {
        Random random = new Random(11);
        Map<String, List<FingerprintSample>> registry = new java.util.LinkedHashMap<>();
        List<SyntheticFingerprint> fingers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            SyntheticFingerprint finger = SyntheticFingerprint.random(7, random);
            fingers.add(finger);
            registry.put("R" + i, List.of(new FingerprintSample("7", finger.template())));
        }

        assertThat(matching.identify(List.of(new FingerprintSample("7", fingers.get(6).recapture(random))), registry))
                .hasValueSatisfying(hit -> assertThat(hit.recordId()).isEqualTo("R6"));
        assertThat(matching.identify(List.of(new FingerprintSample("7", SyntheticFingerprint.random(7, random).template())), registry))
                .isEmpty();
    }

    @Test
    void labelsBandsWithTheThreshold() {
        assertThat(ScoreBand.of(85, 40).label(40)).isEqualTo("HIGH (score >= 80)");
        assertThat(ScoreBand.of(40, 40).label(40)).isEqualTo("MEDIUM (40 <= score < 80)");
        assertThat(ScoreBand.of(25, 40)).isEqualTo(ScoreBand.LOW);
        assertThat(ScoreBand.of(3, 40)).isEqualTo(ScoreBand.NO_MATCH);
    }

    @Test
    void refusesBytesThatAreNotAMinutiaeTemplateWithoutShowingThem() {
        byte[] garbage = "not a template".getBytes();

        assertThatThrownBy(() -> matching.verify(List.of(new FingerprintSample("2", garbage)),
                List.of(new FingerprintSample("2", garbage))))
                .isInstanceOf(UnreadableTemplateException.class)
                .hasMessageNotContaining("not a template");
    }
}
