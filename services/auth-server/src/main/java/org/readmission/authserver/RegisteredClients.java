package org.readmission.authserver;

import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The configured clients as Spring Authorization Server holds them. Every client authenticates with its secret
 * (HTTP Basic); every authorization-code client must use PKCE and is not asked for consent (first-party
 * applications of the same operator).
 */
final class RegisteredClients {

    private RegisteredClients() {
    }

    static RegisteredClientRepository of(Directory directory) {
        if (directory.clients().isEmpty()) {
            throw new IllegalStateException("readmission.auth-server.clients is empty");
        }
        List<RegisteredClient> clients = directory.clients().stream().map(c -> registered(c, directory)).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient registered(Directory.Client client, Directory directory) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantTypes(grants -> client.grantTypes().forEach(g -> grants.add(new AuthorizationGrantType(g))))
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(client.grantTypes().contains("authorization_code"))
                        .requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(directory.accessTokenTtl()).build())
                .build();
    }
}
