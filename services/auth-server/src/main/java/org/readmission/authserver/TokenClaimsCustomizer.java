package org.readmission.authserver;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts into every token what the services decide on (the claims the {@code security} module reads): {@code party},
 * {@code roles} and {@code kind} — a signed-in user's from the user directory, a client-credentials client's from its
 * own configuration. Access tokens also get {@code aud} = the services the client may call (instead of the client id)
 * and {@code client_id} (RFC 9068); ID tokens the display name and time zone for the workspace.
 */
final class TokenClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Directory directory;

    TokenClaimsCustomizer(Directory directory) {
        this.directory = directory;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        Directory.Client client = directory.client(clientId)
                .orElseThrow(() -> new IllegalStateException("client not in the directory: " + clientId));
        JwtClaimsSet.Builder claims = context.getClaims();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            identity(claims, client.party(), client.roles(), "system");
        } else {
            String username = context.getPrincipal().getName();
            Directory.User user = directory.user(username)
                    .orElseThrow(() -> new IllegalStateException("a token for a user not in the directory"));
            identity(claims, user.party(), user.roles(), "person");
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                claims.claim("name", user.name() == null ? username : user.name());
                if (user.zone() != null) {
                    claims.claim("zoneinfo", user.zone());
                }
            }
        }
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            claims.audience(client.audiences());
            claims.claim("client_id", clientId);
        }
    }

    private static void identity(JwtClaimsSet.Builder claims, String party, List<String> roles, String kind) {
        if (party != null) {
            claims.claim("party", party);
        }
        claims.claim("roles", roles);
        claims.claim("kind", kind);
    }
}
