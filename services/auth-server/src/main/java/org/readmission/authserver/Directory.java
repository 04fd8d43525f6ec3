package org.readmission.authserver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code readmission.auth-server.*}: the signing key's file, the demo users and the clients, all from configuration
 * (application.yml) so that the demo set is read, changed and reviewed in one place. Secrets there are local-demo
 * values; a real deployment uses its own OIDC provider instead (see README).
 *
 * @param signingKey     the RSA signing key (a private JWK), generated on first start, reused afterwards
 * @param accessTokenTtl lifetime of access tokens (default 10 minutes)
 * @param users          people who sign in through the workspace
 * @param clients        applications that obtain tokens
 */
@ConfigurationProperties("readmission.auth-server")
public record Directory(Path signingKey, Duration accessTokenTtl, List<User> users, List<Client> clients) {

    public Directory {
        signingKey = signingKey == null ? Path.of(".local-data", "auth-server", "keys", "signing-key.json") : signingKey;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(10) : accessTokenTtl;
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    /**
     * A person: {@code password} with its encoding id ({@code {noop}demo}, {@code {bcrypt}...}); {@code roles} wire
     * names ({@code case-officer}, ...); {@code zone} an IANA time zone, sent as {@code zoneinfo} in the ID token.
     */
    public record User(String username, String password, String name, String party, List<String> roles, String zone) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * An application. {@code grantTypes}: {@code authorization_code}, {@code refresh_token}, {@code client_credentials}.
     * {@code party} and {@code roles} are the client's own (client credentials); {@code audiences} are the services
     * its access tokens are for ({@code aud}).
     */
    public record Client(String clientId, String secret, List<String> grantTypes, List<String> redirectUris,
                         List<String> postLogoutRedirectUris, List<String> scopes, String party, List<String> roles,
                         List<String> audiences) {

        public Client {
            grantTypes = grantTypes == null ? List.of() : List.copyOf(grantTypes);
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            roles = roles == null ? List.of() : List.copyOf(roles);
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }
}
