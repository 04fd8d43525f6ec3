package org.readmission.identity.registry;

import org.readmission.identity.testdata.SyntheticRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Seeds an empty registry with {@link SyntheticRegistry} when {@code readmission.identity.demo-registry.seed=true}. */
@Component
@ConditionalOnProperty(name = "readmission.identity.demo-registry.seed", havingValue = "true")
class DemoRegistrySeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistrySeeding.class);

    private final PassportRegistry registry;
    private final FalseDocuments falseDocuments;
    private final DemoRegistryProperties properties;

    DemoRegistrySeeding(PassportRegistry registry, FalseDocuments falseDocuments, DemoRegistryProperties properties) {
        this.registry = registry;
        this.falseDocuments = falseDocuments;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (registry.size() > 0) {
            log.info("Demo registry not seeded: the registry already holds {} records", registry.size());
            return;
        }
        SyntheticRegistry synthetic = SyntheticRegistry.generate(properties.randomSeed(), properties.size());
        SyntheticEnrolment.enrolAll(synthetic, registry, falseDocuments);
        log.info("Demo registry seeded with {} synthetic persons and {} listed documents (seed {})",
                synthetic.persons().size(), synthetic.falseDocuments().size(), properties.randomSeed());
    }
}
