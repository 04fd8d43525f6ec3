package org.readmission.gateway;

import org.readmission.testing.TestTokenIssuer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The tests' token issuer (a JWK set served on 127.0.0.1) that the gateway under test trusts, and the tokens of the
 * partner systems that call its REST API: audience {@code partner-gateway}, the party, role {@code partner-system}.
 */
final class GatewayTokens {

    static final TestTokenIssuer ISSUER = TestTokenIssuer.serving();
    static final String AUDIENCE = "partner-gateway";

    private GatewayTokens() {
    }

    /** The gateway trusts {@link #ISSUER} (and no other issuer). */
    static void trust(DynamicPropertyRegistry registry) {
        ISSUER.trustProperties().forEach(registry::add);
    }

    /** A partner system's token: client {@code <party>-system} acting for {@code party}. */
    static String partnerSystem(String party) {
        return ISSUER.token().subject(party.toLowerCase(java.util.Locale.ROOT) + "-system").party(party)
                .roles("partner-system").kind("system").audience(AUDIENCE).sign();
    }
}
