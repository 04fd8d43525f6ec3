package org.readmission.reintegration.provider;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** The providers registry (MongoDB), seeded from configuration before any referral is read. */
@Component
public class ProviderRegistry implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Providers providers;
    private final ProviderProperties seed;

    ProviderRegistry(Providers providers, ProviderProperties seed) {
        this.providers = providers;
        this.seed = seed;
    }

    @Override
    public void afterPropertiesSet() {
        for (Provider provider : seed.providers()) {
            if (!providers.existsById(provider.code())) {
                providers.save(provider);
                LOG.info("Provider {} added to the registry (capacity {})", provider.code(), provider.capacity());
            }
        }
    }

    public Optional<Provider> find(String code) {
        return providers.findById(code);
    }

    public List<Provider> all() {
        return providers.findAll();
    }
}
