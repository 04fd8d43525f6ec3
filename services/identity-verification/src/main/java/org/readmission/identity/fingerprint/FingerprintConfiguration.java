package org.readmission.identity.fingerprint;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class FingerprintConfiguration {

    @Bean
    FingerprintMatching fingerprintMatching(FingerprintProperties properties) {
        return new FingerprintMatching(properties.threshold());
    }
}
