package org.readmission.caseview.security;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in officer's access token, for calls to other services on their behalf (token relay): the token the
 * OIDC provider issued at sign-in, refreshed with the refresh token when it has expired. Never logged.
 */
@Component
public class AccessTokens {

    static final String REGISTRATION = "readmission";

    private final OAuth2AuthorizedClientManager clients;

    AccessTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    /** The current officer's access token; throws when nobody is signed in through the provider or it cannot be renewed. */
    public String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("nobody is signed in");
        }
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(authentication).build());
        if (client == null || client.getAccessToken() == null) {
            throw new IllegalStateException("no access token for the signed-in officer: sign in again");
        }
        return client.getAccessToken().getTokenValue();
    }
}
