package org.readmission.caseworkflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.authorization.Groups;
import org.readmission.security.ReadmissionAuthentication;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.TokenClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who a signed-in caller is for the engine. The caller is a {@link ReadmissionPrincipal}: from the bearer token
 * ({@code /engine-rest}) or from the OIDC provider's ID token (the webapps' sign-in), read with the same claims
 * ({@code sub}, {@code party}, {@code roles}; {@link TokenClaims}). As an engine user they are
 * <ul>
 *   <li>user id: {@code sub} (e.g. {@code az-sms.supervisor});</li>
 *   <li>groups: the candidate groups of their roles in their party ({@link CandidateGroups}, e.g.
 *       {@code AZ-SMS:supervisor}), plus {@code camunda-admin} only if one of them is listed in
 *       {@code readmission.camunda.admin-groups} (opt-in, empty by default);</li>
 *   <li>tenant ids: their party, the only tenant they see.</li>
 * </ul>
 * A caller without a party (a service client) is no engine user.
 */
public final class EngineUsers {

    /** An engine user: id, groups and tenants as {@code IdentityService.setAuthentication} takes them. */
    public record EngineUser(String id, List<String> groups, List<String> tenants) {

        public EngineUser {
            groups = List.copyOf(groups);
            tenants = List.copyOf(tenants);
        }
    }

    private final List<String> adminGroups;

    public EngineUsers(List<String> adminGroups) {
        this.adminGroups = List.copyOf(adminGroups);
    }

    /** The engine user of a Spring Security authentication; empty if it names no person or system of a party. */
    public Optional<EngineUser> of(Authentication authentication) {
        return principalOf(authentication).flatMap(this::of);
    }

    public Optional<EngineUser> of(ReadmissionPrincipal principal) {
        if (principal.party() == null || principal.party().isBlank()) {
            return Optional.empty();
        }
        List<String> groups = new ArrayList<>(CandidateGroups.of(principal));
        if (groups.stream().anyMatch(adminGroups::contains)) {
            groups.add(Groups.CAMUNDA_ADMIN);
        }
        return Optional.of(new EngineUser(principal.id(), groups, List.of(CandidateGroups.party(principal.party()))));
    }

    /** The principal of a bearer token, or of a webapp sign-in (the claims of its ID token). */
    static Optional<ReadmissionPrincipal> principalOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof ReadmissionAuthentication bearer) {
            return Optional.of(bearer.getPrincipal());
        }
        if (authentication.getPrincipal() instanceof OidcUser user && user.getIdToken() != null) {
            OidcIdToken idToken = user.getIdToken();
            // the ID token's claims read as an access token's: the same claims, the same rules
            Jwt claims = Jwt.withTokenValue(idToken.getTokenValue()).header("alg", "RS256")
                    .claims(c -> c.putAll(idToken.getClaims())).build();
            return Optional.of(TokenClaims.principalOf(claims));
        }
        return Optional.empty();
    }
}
