package org.readmission.protection;

import java.time.Clock;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.ApplicationRunner;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-case keys for services with a MongoDB client: the wrapped keys in the service's own database (collection
 * {@code case_keys}), wrapped by the service's master AEAD keyset. Nothing is read or written until a case is sealed.
 */
@AutoConfiguration(after = {MongoAutoConfiguration.class, ProtectionAutoConfiguration.class})
@ConditionalOnClass(MongoClient.class)
@EnableConfigurationProperties({KeyProperties.class, CaseKeyProperties.class})
public class CaseKeysAutoConfiguration {

    /** The store, registered before {@link #caseKeys} (a member class is processed before its outer class). */
    @Configuration(proxyBeanMethods = false)
    static class MongoStore {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean({MongoClient.class, MongoProperties.class})
        CaseKeyStore caseKeyStore(MongoClient client, MongoProperties mongo, CaseKeyProperties properties) {
            return new MongoCaseKeyStore(client.getDatabase(mongo.getMongoClientDatabase())
                    .getCollection(properties.collection()));
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CaseKeyStore.class)
    CaseKeys caseKeys(CaseKeyStore store, KeyProperties keys, CaseKeyProperties properties, ObjectProvider<Clock> clock) {
        return new CaseKeys(store, Keysets.loadOrGenerate(properties.wrappingKeysetOr(keys),
                PredefinedAeadParameters.AES256_GCM, keys.generateIfMissing()),
                clock.getIfAvailable(Clock::systemUTC), properties.cacheTtl(), properties.cacheSize());
    }

    /**
     * {@code readmission.protection.case-keys.rewrap-on-start=true}: after a rotation of the master keyset, wraps
     * every case key again under its new primary at start-up (then the old master keys can be removed). Logs counts
     * only.
     */
    @Bean
    @ConditionalOnBean(CaseKeys.class)
    @ConditionalOnProperty(name = "readmission.protection.case-keys.rewrap-on-start", havingValue = "true")
    ApplicationRunner caseKeysRewrap(CaseKeys keys) {
        return arguments -> LogFactory.getLog(CaseKeys.class)
                .info("Case keys wrapped again under the master keyset's primary: " + keys.rewrapAll());
    }
}
