package org.readmission.protection;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The service's field encryption and blind index, from its keysets (loaded, or generated for the local stack). */
@AutoConfiguration
@EnableConfigurationProperties(KeyProperties.class)
public class ProtectionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FieldEncryption fieldEncryption(KeyProperties keys) {
        return new FieldEncryption(Keysets.loadOrGenerate(keys.aeadKeyset(), PredefinedAeadParameters.AES256_GCM,
                keys.generateIfMissing()));
    }

    @Bean
    @ConditionalOnMissingBean
    BlindIndex blindIndex(KeyProperties keys) {
        return new BlindIndex(Keysets.loadOrGenerate(keys.indexKeyset(), PredefinedPrfParameters.HMAC_SHA256_PRF,
                keys.generateIfMissing()));
    }
}
