package org.readmission.identity.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.readmission.events.common.FingerprintTemplate;
import org.readmission.identity.assessment.FingerprintFinding;
import org.readmission.identity.assessment.FingerprintStanding;
import org.readmission.identity.fingerprint.Comparison;
import org.readmission.identity.fingerprint.FingerprintMatching;
import org.readmission.identity.fingerprint.FingerprintSample;
import org.readmission.identity.fingerprint.Identification;
import org.readmission.identity.fingerprint.ScoreBand;
import org.readmission.identity.fingerprint.UnreadableTemplateException;
import org.readmission.identity.registry.PassportRegistry;
import org.readmission.identity.registry.RegistryPerson;
import org.springframework.stereotype.Component;

/** Compares the fingerprints sent with the registry: 1:1 with the claimed record, 1:N without one. */
@Component
class FingerprintChecks {

    private final FingerprintMatching matching;
    private final PassportRegistry registry;

    FingerprintChecks(FingerprintMatching matching, PassportRegistry registry) {
        this.matching = matching;
        this.registry = registry;
    }

    /**
     * @param claimed      the record the person's documents belong to (a failed 1:1 comparison contradicts it), or a
     *                     candidate found by name and date of birth ({@code documented} false: a failed 1:1 comparison
     *                     falls back to a 1:N search, since namesakes exist)
     */
    FingerprintFinding check(List<FingerprintTemplate> templates, Optional<RegistryPerson> claimed, boolean documented,
                             String caseId) {
        if (templates.isEmpty()) {
            return FingerprintFinding.notCompared();
        }
        List<FingerprintSample> probes = templates.stream()
                .map(t -> new FingerprintSample(t.getFinger(), bytes(t.getTemplate()))).toList();
        try {
            List<FingerprintSample> enrolled = claimed.map(c -> registry.fingerprintsOf(c.id(), caseId)).orElse(List.of());
            if (!enrolled.isEmpty()) {
                Comparison comparison = matching.verify(probes, enrolled);
                if (comparison.isMatch() || documented) {
                    return new FingerprintFinding(comparison.isMatch() ? FingerprintStanding.MATCHES_CLAIMED_IDENTITY
                        : FingerprintStanding.CONTRADICTS_CLAIMED_IDENTITY, label(comparison.band()), claimed.get().nationality());
                }
            }
            Map<String, List<FingerprintSample>> all = registry.allFingerprints(caseId);
            Optional<Identification> hit = matching.identify(probes, all);
            if (hit.isEmpty()) {
                return new FingerprintFinding(FingerprintStanding.NOT_FOUND_IN_REGISTRY, "NO_MATCH (no record scores >= " + ScoreBand.formatScore(matching.threshold()) + ")", null);
            }
            String nationality = registry.person(hit.get().recordId()).map(RegistryPerson::nationality).orElse(null);
            return new FingerprintFinding(FingerprintStanding.IDENTIFIED_IN_REGISTRY, label(hit.get().comparison().band()), nationality);
        } catch (UnreadableTemplateException e) {
            return new FingerprintFinding(FingerprintStanding.UNREADABLE, null, null);
        }
    }

    private String label(ScoreBand band) {
        return band.label(matching.threshold());
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        java.nio.ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
