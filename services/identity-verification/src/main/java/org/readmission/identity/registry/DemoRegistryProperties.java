package org.readmission.identity.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Seeding of an empty registry with synthetic persons at start-up (local stack and demos only).
 *
 * @param seed       seed the registry when it is empty
 * @param size       number of registry persons
 * @param randomSeed seed of the generator (the partner simulator uses the same to build matching applications)
 */
@ConfigurationProperties("readmission.identity.demo-registry")
public record DemoRegistryProperties(boolean seed, Integer size, Long randomSeed) {

    public DemoRegistryProperties {
        size = size == null ? 60 : size;
        randomSeed = randomSeed == null ? 4L : randomSeed;
    }
}
