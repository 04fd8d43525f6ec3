package org.readmission.caseworkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.readmission.security.ReadmissionAuthentication;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who a signed-in caller is for the engine: user id, the candidate groups of their roles, their party as tenant. */
class EngineUsersTest {

    private final EngineUsers users = new EngineUsers(List.of());

    @Test
    void aBearerTokensOfficerIsTheEngineUserWithTheCandidateGroupsOfTheirRolesAndTheirPartyAsTenant() {
        EngineUsers.EngineUser user = users.of(bearer("az-sms.supervisor", "az-sms", "supervisor", "case-officer")).orElseThrow();
        assertThat(user.id()).isEqualTo("az-sms.supervisor");
        assertThat(user.groups()).containsExactly("AZ-SMS:case-officer", "AZ-SMS:supervisor");
        assertThat(user.tenants()).containsExactly("AZ-SMS");
    }

    @Test
    void theWebappSignInReadsTheSameClaimsFromTheIdToken() {
        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), Map.of(
                "sub", "de-bpol.officer", "iss", "http://127.0.0.1:9000", "party", "DE-BPOL",
                "roles", List.of("case-officer", "no-such-role"), "name", "DE BPOL case officer"));
        DefaultOidcUser oidcUser = new DefaultOidcUser(List.of(new OidcUserAuthority(idToken)), idToken, "sub");
        EngineUsers.EngineUser user = users.of(new OAuth2AuthenticationToken(oidcUser, oidcUser.getAuthorities(), "readmission"))
                .orElseThrow();
        assertThat(user.id()).isEqualTo("de-bpol.officer");
        assertThat(user.groups()).containsExactly("DE-BPOL:case-officer");
        assertThat(user.tenants()).containsExactly("DE-BPOL");
    }

    @Test
    void theGroupsAreTheCandidateGroupsTheTaskApiMatches() {
        assertThat(CandidateGroups.of(" az-sms ", Role.CONSULAR_OFFICER)).isEqualTo("AZ-SMS:consular-officer");
        assertThat(CandidateGroups.of(new ReadmissionPrincipal("x", null, Set.of(Role.SUPERVISOR), ReadmissionPrincipal.Kind.SYSTEM)))
                .isEmpty();
    }

    @Test
    void aCallerWithoutPartyIsNoEngineUser() {
        assertThat(users.of(bearer("case-view", null))).isEmpty();
        assertThat(users.of((org.springframework.security.core.Authentication) null)).isEmpty();
    }

    @Test
    void onlyTheGroupsNamedInAdminGroupsBecomeCamundaAdministrators() {
        EngineUsers withAdmins = new EngineUsers(List.of("AZ-SMS:supervisor"));
        assertThat(withAdmins.of(bearer("az-sms.supervisor", "AZ-SMS", "supervisor")).orElseThrow().groups())
                .containsExactly("AZ-SMS:supervisor", "camunda-admin");
        assertThat(withAdmins.of(bearer("de-bpol.supervisor", "DE-BPOL", "supervisor")).orElseThrow().groups())
                .containsExactly("DE-BPOL:supervisor");
        assertThat(users.of(bearer("az-sms.supervisor", "AZ-SMS", "supervisor")).orElseThrow().groups())
                .doesNotContain("camunda-admin");
    }

    private static ReadmissionAuthentication bearer(String subject, String party, String... roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject).claim("roles", List.of(roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        if (party != null) {
            jwt.claim("party", party);
        }
        return ReadmissionAuthentication.of(jwt.build());
    }
}
