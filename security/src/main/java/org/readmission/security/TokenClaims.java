package org.readmission.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The claims this system reads from an access token, and how a {@link ReadmissionPrincipal} follows from them. Any
 * OIDC provider can issue them (see services/auth-server/README.md for Keycloak mappers).
 *
 * <ul>
 *   <li>{@code party}: the party code the caller acts for (a user's party, or a client-credentials client's party);</li>
 *   <li>{@code roles}: wire names ({@link Role#wireName()}), a JSON array or a space/comma separated string; unknown
 *       names are ignored (they grant nothing);</li>
 *   <li>{@code kind}: {@code person} or {@code system}; when absent, a token whose {@code sub} equals its
 *       {@code client_id} (RFC 9068 for the client-credentials grant) is a system's.</li>
 * </ul>
 */
public final class TokenClaims {

    public static final String PARTY = "party";
    public static final String ROLES = "roles";
    public static final String KIND = "kind";
    public static final String CLIENT_ID = "client_id";

    private TokenClaims() {
    }

    /** The principal of a validated token. */
    public static ReadmissionPrincipal principalOf(Jwt jwt) {
        String party = Optional.ofNullable(jwt.getClaimAsString(PARTY)).map(String::trim).filter(p -> !p.isEmpty())
                .map(p -> p.toUpperCase(Locale.ROOT)).orElse(null);
        return new ReadmissionPrincipal(jwt.getSubject(), party, rolesOf(jwt.getClaim(ROLES)), kindOf(jwt));
    }

    static Set<Role> rolesOf(Object claim) {
        Collection<?> names;
        if (claim instanceof Collection<?> list) {
            names = list;
        } else if (claim instanceof String text) {
            names = Arrays.asList(text.split("[\\s,]+"));
        } else {
            names = List.of();
        }
        return names.stream().filter(Objects::nonNull).map(Object::toString).map(Role::fromWireName)
                .flatMap(Optional::stream).collect(Collectors.toUnmodifiableSet());
    }

    private static ReadmissionPrincipal.Kind kindOf(Jwt jwt) {
        String kind = jwt.getClaimAsString(KIND);
        if (kind != null) {
            return "system".equalsIgnoreCase(kind.trim()) ? ReadmissionPrincipal.Kind.SYSTEM : ReadmissionPrincipal.Kind.PERSON;
        }
        String clientId = jwt.getClaimAsString(CLIENT_ID);
        return clientId != null && clientId.equals(jwt.getSubject()) ? ReadmissionPrincipal.Kind.SYSTEM
                : ReadmissionPrincipal.Kind.PERSON;
    }
}
