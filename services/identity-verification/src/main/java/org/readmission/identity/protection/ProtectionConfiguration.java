package org.readmission.identity.protection;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keysets of this service, loaded (or generated for the local stack) at start-up. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

    @Bean
    FieldEncryption fieldEncryption(KeyProperties keys) {
        return new FieldEncryption(Keysets.loadOrGenerate(keys.aeadKeyset(), PredefinedAeadParameters.AES256_GCM,
                keys.generateIfMissing()));
    }

    @Bean
    BlindIndex blindIndex(KeyProperties keys) {
        return new BlindIndex(Keysets.loadOrGenerate(keys.indexKeyset(), PredefinedPrfParameters.HMAC_SHA256_PRF,
                keys.generateIfMissing()));
    }
}
