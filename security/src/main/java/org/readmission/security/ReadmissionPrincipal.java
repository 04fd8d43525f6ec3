package org.readmission.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls, as a validated token says: the user or client id ({@code sub}), the party they act for (upper case, e.g.
 * {@code DE-BPOL}; absent for internal service clients), their roles and whether a person or a system calls.
 * Controllers take it with {@code @AuthenticationPrincipal ReadmissionPrincipal caller}.
 */
public record ReadmissionPrincipal(String id, String party, Set<Role> roles, Kind kind) {

    /** A person signed in (authorization code) or a system with its own credentials (client credentials). */
    public enum Kind { PERSON, SYSTEM }

    public ReadmissionPrincipal {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a principal needs an id (the token's sub)");
        }
        roles = Set.copyOf(roles);
    }

    public Optional<String> partyCode() {
        return Optional.ofNullable(party);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** Whether the principal acts for this party (party codes compare case-insensitively). */
    public boolean actsFor(String partyCode) {
        return party != null && partyCode != null && party.equalsIgnoreCase(partyCode.trim());
    }
}
