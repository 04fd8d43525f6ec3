package org.readmission.identity.fingerprint;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threshold SourceAFIS similarity score from which two templates are taken as the same finger (SourceAFIS
 *                  recommends 40, a false-match rate of about 0.01 %)
 */
@ConfigurationProperties("readmission.identity.fingerprint")
public record FingerprintProperties(Double threshold) {

    public FingerprintProperties {
        threshold = threshold == null ? 40.0 : threshold;
    }
}
