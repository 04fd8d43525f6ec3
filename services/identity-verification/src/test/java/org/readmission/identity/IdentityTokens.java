package org.readmission.identity;

import java.util.Locale;

import org.readmission.testing.TestTokenIssuer;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' token issuer (a JWK set served on 127.0.0.1) that identity-verification under test trusts, and tokens
 * for it: audience {@code identity-verification}, a party, roles.
 */
final class IdentityTokens {

    static final TestTokenIssuer ISSUER = TestTokenIssuer.serving();
    static final String AUDIENCE = "identity-verification";

    private IdentityTokens() {
    }

    /** The service trusts {@link #ISSUER} (and no other issuer). */
    static void trust(DynamicPropertyRegistry registry) {
        ISSUER.trustProperties().forEach(registry::add);
    }

    /** A person of {@code party} with {@code role} (wire name), for this service. */
    static String person(String party, String role) {
        return ISSUER.person(AUDIENCE, party.toLowerCase(Locale.ROOT) + "." + role, party, role);
    }

    /** A request entity with the bearer token and no body. */
    static HttpEntity<Void> bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new HttpEntity<>(headers);
    }
}
