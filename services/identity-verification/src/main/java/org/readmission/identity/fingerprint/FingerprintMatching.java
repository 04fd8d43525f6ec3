package org.readmission.identity.fingerprint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.machinezoo.sourceafis.FingerprintCompatibility;
import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;

/**
 * Fingerprint comparison with SourceAFIS: 1:1 against a claimed identity's enrolled fingers, 1:N over the registry
 * when no identity is claimed. Templates are imported from ISO/ANSI minutiae records; the best finger pair decides.
 */
public class FingerprintMatching {

    private final double threshold;

    public FingerprintMatching(double threshold) {
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** 1:1. Throws {@link UnreadableTemplateException} when a probe is not a minutiae template. */
    public Comparison verify(List<FingerprintSample> probes, List<FingerprintSample> enrolled) {
        List<Imported> imported = importAll(enrolled);
        double best = 0;
        int pairs = 0;
        for (FingerprintSample probe : probes) {
            FingerprintMatcher matcher = new FingerprintMatcher(importTemplate(probe));
            for (Imported candidate : imported) {
                if (probe.sameFingerAs(candidate.sample())) {
                    best = Math.max(best, matcher.match(candidate.template()));
                    pairs++;
                }
            }
        }
        return new Comparison(best, ScoreBand.of(best, threshold), pairs);
    }

    /** 1:N: the best-matching record at or above the threshold, if any. */
    public Optional<Identification> identify(List<FingerprintSample> probes, Map<String, List<FingerprintSample>> enrolled) {
        Identification best = null;
        for (Map.Entry<String, List<FingerprintSample>> record : enrolled.entrySet()) {
            Comparison comparison = verify(probes, record.getValue());
            if (comparison.isMatch() && (best == null || comparison.score() > best.comparison().score())) {
                best = new Identification(record.getKey(), comparison);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The SourceAFIS score of two templates (for measuring error rates). */
    public double score(byte[] probe, byte[] candidate) {
        return new FingerprintMatcher(importTemplate(new FingerprintSample("0", probe)))
                .match(importTemplate(new FingerprintSample("0", candidate)));
    }

    private List<Imported> importAll(List<FingerprintSample> samples) {
        List<Imported> imported = new ArrayList<>();
        for (FingerprintSample sample : samples) {
            imported.add(new Imported(sample, importTemplate(sample)));
        }
        return imported;
    }

    private static FingerprintTemplate importTemplate(FingerprintSample sample) {
        try {
            return FingerprintCompatibility.importTemplate(sample.template());
        } catch (RuntimeException e) {
            throw new UnreadableTemplateException("the template of finger " + sample.finger()
                    + " is not an ISO 19794-2 or ANSI 378 minutiae record");
        }
    }

    private record Imported(FingerprintSample sample, FingerprintTemplate template) {
    }
}
