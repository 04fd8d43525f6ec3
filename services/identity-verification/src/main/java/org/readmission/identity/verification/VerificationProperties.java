package org.readmission.identity.verification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param registryState ISO 3166-1 alpha-2 of the state whose registry this service searches (the requested state)
 */
@ConfigurationProperties("readmission.identity")
public record VerificationProperties(String registryState) {

    public VerificationProperties {
        registryState = registryState == null ? "AZ" : registryState;
    }
}
