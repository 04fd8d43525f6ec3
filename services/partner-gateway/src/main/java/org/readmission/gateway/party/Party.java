package org.readmission.gateway.party;

import java.util.Locale;
import java.util.Set;

/**
 * A party of the agreement as configured in {@code readmission.parties}: its code (e.g. {@code DE-BPOL}),
 * name, country (ISO 3166-1 alpha-2; its working days and time zone come from the agreement profile's calendar),
 * role and the submission types (ce_type) it may send.
 */
public record Party(String code, String name, String country, PartyRole role, Set<String> allowedTypes) {

    public Party {
        code = code.toUpperCase(Locale.ROOT);
        country = country.toUpperCase(Locale.ROOT);
        allowedTypes = allowedTypes == null ? Set.of() : Set.copyOf(allowedTypes);
    }

    public boolean maySend(String ceType) {
        return allowedTypes.contains(ceType);
    }

    /** Whether the party may send any submission at all (a reintegration provider reports elsewhere). */
    public boolean sendsSubmissions() {
        return !allowedTypes.isEmpty();
    }
}
