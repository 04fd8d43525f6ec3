package org.readmission.caseview.security;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The officer as the OIDC provider's ID token says: {@code sub} (user), {@code name}, {@code party}, {@code roles}
 * (the first one is the role the workspace works in) and {@code zoneinfo} (an IANA time zone, default UTC). A token
 * without a party or a role makes no officer: the sign-in is refused.
 */
final class OfficerClaims {

    private OfficerClaims() {
    }

    static Officer officerOf(Map<String, Object> claims) {
        String user = text(claims.get("sub"));
        String party = text(claims.get("party"));
        List<String> roles = roles(claims.get("roles"));
        if (user == null || party == null || roles.isEmpty()) {
            throw new IllegalArgumentException("the ID token names no party or no role");
        }
        String name = text(claims.get("name"));
        return new Officer(user, name == null ? user : name, party.toUpperCase(Locale.ROOT), roles.get(0), zone(claims.get("zoneinfo")));
    }

    /** One authority per role, e.g. {@code ROLE_SUPERVISOR}. */
    static List<SimpleGrantedAuthority> authoritiesOf(Map<String, Object> claims) {
        return roles(claims.get("roles")).stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
    }

    static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(OfficerClaims::text).filter(r -> r != null).map(r -> r.toLowerCase(Locale.ROOT)).toList();
        }
        String value = text(claim);
        return value == null ? List.of() : Arrays.stream(value.split("[\\s,]+")).filter(r -> !r.isBlank())
                .map(r -> r.toLowerCase(Locale.ROOT)).toList();
    }

    private static ZoneId zone(Object claim) {
        String zone = text(claim);
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneId.of("UTC");
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
