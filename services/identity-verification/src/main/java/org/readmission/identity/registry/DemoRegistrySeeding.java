package org.readmission.identity.registry;

import org.readmission.identity.testdata.SyntheticRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Seeds an empty registry with {@link SyntheticRegistry} when {@code readmission.identity.demo-registry.seed=true}.
 * Runs as an early lifecycle phase, before the Kafka listener containers and the web server start, so no
 * verification request is checked against a half-seeded registry and the service is not reported healthy before.
 */
@Component
@ConditionalOnProperty(name = "readmission.identity.demo-registry.seed", havingValue = "true")
class DemoRegistrySeeding implements SmartLifecycle {

    /** Before the listener containers (phase {@code Integer.MAX_VALUE - 100}) and the web server. */
    static final int PHASE = 0;

    private static final Logger log = LoggerFactory.getLogger(DemoRegistrySeeding.class);

    private final PassportRegistry registry;
    private final FalseDocuments falseDocuments;
    private final DemoRegistryProperties properties;

    DemoRegistrySeeding(PassportRegistry registry, FalseDocuments falseDocuments, DemoRegistryProperties properties) {
        this.registry = registry;
        this.falseDocuments = falseDocuments;
        this.properties = properties;
    }

    private volatile boolean running;

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void start() {
        seed();
        running = true;
    }

    void seed() {
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
