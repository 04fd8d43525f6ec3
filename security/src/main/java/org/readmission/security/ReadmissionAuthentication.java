package org.readmission.security;

import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated request: the validated token and its {@link ReadmissionPrincipal}, which is the authentication's
 * principal so that {@code @AuthenticationPrincipal ReadmissionPrincipal} resolves it; one authority per role.
 */
public class ReadmissionAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final ReadmissionPrincipal principal;

    public ReadmissionAuthentication(Jwt jwt, ReadmissionPrincipal principal) {
        super(jwt, principal, jwt, principal.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    public static ReadmissionAuthentication of(Jwt jwt) {
        return new ReadmissionAuthentication(jwt, TokenClaims.principalOf(jwt));
    }

    @Override
    public ReadmissionPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.id();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }
}
