package org.readmission.caseview.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For the access tests: a request as if a person had signed in through the OIDC provider, with the ID token claims
 * the auth-server issues (its {@code TokenClaimsCustomizer}: {@code sub}, {@code party}, {@code roles} as a list,
 * {@code kind=person}, {@code name}, {@code zoneinfo}). The authorities are not made up here: they come from the
 * service's own mapper of the sign-in ({@code SecurityConfiguration.rolesOfTheIdToken()}, which Spring Security applies
 * to the ID token at a real sign-in), and the pages read party and role through the service's {@link CurrentOfficer}.
 */
public final class SignedIn {

    private static final GrantedAuthoritiesMapper SIGN_IN_MAPPER = signInMapper();

    private SignedIn() {
    }

    /** A person of {@code party} with these roles (wire names, the first one the workspace works in). */
    public static RequestPostProcessor as(String username, String party, String... roles) {
        OidcIdToken idToken = idToken(username, party, roles);
        Collection<? extends GrantedAuthority> authorities = authoritiesAtSignIn(idToken);
        return oidcLogin().oidcUser(new DefaultOidcUser(authorities, idToken, "sub"));
    }

    /** The ID token the auth-server would issue to this person for the workspace. */
    public static OidcIdToken idToken(String username, String party, String... roles) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("id-token-" + username).subject(username)
                .issuer("http://127.0.0.1:9000").audience(List.of("workspace")).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).claim("roles", List.of(roles)).claim("kind", "person")
                .claim("name", username).claim("zoneinfo", "Asia/Baku");
        if (party != null) {
            token.claim("party", party);
        }
        return token.build();
    }

    /**
     * What the service's sign-in makes of the ID token: the OIDC user authority and {@code SCOPE_*} authorities Spring
     * Security grants, passed through the service's mapper (which refuses a token without party or role).
     */
    public static Collection<? extends GrantedAuthority> authoritiesAtSignIn(OidcIdToken idToken) {
        Set<GrantedAuthority> granted = Set.of(new OidcUserAuthority(idToken), new SimpleGrantedAuthority("SCOPE_openid"),
                new SimpleGrantedAuthority("SCOPE_profile"));
        return SIGN_IN_MAPPER.mapAuthorities(granted);
    }

    /** The role's authority as the service names it, e.g. {@code ROLE_SUPERVISOR}. */
    public static String authority(String role) {
        return "ROLE_" + role.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static GrantedAuthoritiesMapper signInMapper() {
        return SecurityConfiguration.rolesOfTheIdToken();
    }

}
