package org.readmission.reintegration.provider;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reintegration provider in the registry: where it works, what it offers and how many open referrals it can take.
 *
 * @param regions  regions of return it covers; empty = the whole country
 * @param services ReintegrationNeed codes it addresses
 * @param capacity open referrals (offered, accepted, in support) it can hold at a time
 */
@Document("providers")
public record Provider(@Id String code, String name, String country, List<String> regions, List<String> services,
                       int capacity) {

    public boolean covers(String country, String region) {
        return this.country.equals(country) && (regions.isEmpty() || region == null || regions.contains(region));
    }

    /** Offers at least one of the needs (a person without recorded needs can go to anyone). */
    public boolean offersAnyOf(List<String> needs) {
        return needs.isEmpty() || needs.stream().anyMatch(services::contains);
    }
}
