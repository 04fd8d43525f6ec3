package org.readmission.reintegration.provider;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The providers seeded into the registry when they are not there yet ({@code readmission.reintegration.providers}). */
@ConfigurationProperties("readmission.reintegration")
public record ProviderProperties(List<Provider> providers) {

    public ProviderProperties {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }
}
