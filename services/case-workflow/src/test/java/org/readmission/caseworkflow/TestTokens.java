package org.readmission.caseworkflow;

import org.readmission.testing.TestTokenIssuer;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' token issuer (a JWK set served on 127.0.0.1) that the service under test trusts, and the tokens of the
 * officers who call it: audience {@code case-workflow}, the party, the roles and the user as {@code sub}.
 */
final class TestTokens {

    static final TestTokenIssuer ISSUER = TestTokenIssuer.serving();
    static final String AUDIENCE = "case-workflow";

    private TestTokens() {
    }

    /** The service trusts {@link #ISSUER} (and no other issuer). */
    static void trust(DynamicPropertyRegistry registry) {
        ISSUER.trustProperties().forEach(registry::add);
    }

    /** A person's token: {@code user} of {@code party} with {@code roles}. */
    static String person(String user, String party, String... roles) {
        return ISSUER.person(AUDIENCE, user, party, roles);
    }

    static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }

    static HttpHeaders officer(String party, String role, String user) {
        return bearer(person(user, party, role));
    }
}
