package org.readmission.security;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class TokenClaimsTest {

    @Test
    void readsPartyRolesAndPersonFromAUsersToken() {
        ReadmissionPrincipal principal = TokenClaims.principalOf(jwt("az-sms.officer")
                .claim("party", "az-sms").claim("roles", List.of("case-officer", "supervisor")).build());

        assertThat(principal.id()).isEqualTo("az-sms.officer");
        assertThat(principal.party()).isEqualTo("AZ-SMS");
        assertThat(principal.roles()).containsExactlyInAnyOrder(Role.CASE_OFFICER, Role.SUPERVISOR);
        assertThat(principal.kind()).isEqualTo(ReadmissionPrincipal.Kind.PERSON);
    }

    @Test
    void readsRolesGivenAsOneString() {
        assertThat(TokenClaims.rolesOf("auditor partner-system,consular-officer"))
                .containsExactlyInAnyOrder(Role.AUDITOR, Role.PARTNER_SYSTEM, Role.CONSULAR_OFFICER);
    }

    @Test
    void ignoresRolesItDoesNotKnow() {
        assertThat(TokenClaims.rolesOf(List.of("admin", "offline_access", "supervisor"))).containsExactly(Role.SUPERVISOR);
        assertThat(TokenClaims.rolesOf(null)).isEmpty();
    }

    @Test
    void takesClientCredentialsTokenForASystem() {
        ReadmissionPrincipal principal = TokenClaims.principalOf(jwt("de-bpol-system").claim("client_id", "de-bpol-system")
                .claim("party", "DE-BPOL").claim("roles", List.of("partner-system")).build());

        assertThat(principal.kind()).isEqualTo(ReadmissionPrincipal.Kind.SYSTEM);
        assertThat(PartyIsolation.maySendAs(principal, "DE-BPOL")).isTrue();
        assertThat(PartyIsolation.maySendAs(principal, "NL-DTV")).isFalse();
    }

    @Test
    void followsExplicitKindClaim() {
        assertThat(TokenClaims.principalOf(jwt("7f3c-service-account").claim("kind", "system").build()).kind())
                .isEqualTo(ReadmissionPrincipal.Kind.SYSTEM);
    }

    @Test
    void leavesPartyEmptyWhenTheTokenHasNone() {
        ReadmissionPrincipal service = TokenClaims.principalOf(jwt("case-view").build());

        assertThat(service.partyCode()).isEmpty();
        assertThat(service.actsFor(null)).isFalse();
    }

    private static Jwt.Builder jwt(String subject) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(Instant.now());
    }
}
