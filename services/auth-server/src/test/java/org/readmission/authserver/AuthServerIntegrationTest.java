package org.readmission.authserver;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.readmission.security.TokenClaims;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The running server over HTTP, checked as the services will check it: tokens validated by the {@code security}
 * module's decoder (issuer from discovery, keys from the JWKS endpoint, audience of the service).
 */
@SpringBootTest(classes = AuthServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "readmission.security.enabled=false")
class AuthServerIntegrationTest {

    static final int PORT = FreePort.pick();
    static final String ISSUER = "http://127.0.0.1:" + PORT;

    @TempDir
    static Path dataDir;

    private final AuthServerClient client = new AuthServerClient(ISSUER);

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> PORT);
        properties.add("spring.security.oauth2.authorizationserver.issuer", () -> ISSUER);
        properties.add("readmission.data-dir", dataDir::toString);
    }

    @Test
    void issuesPartnerSystemTokenThatTheGatewayAccepts() throws Exception {
        HttpResponse<String> response = client.clientCredentials("de-bpol-system", "local-demo-de-bpol-secret");
        assertThat(response.statusCode()).isEqualTo(200);

        Jwt jwt = client.decoderOf("partner-gateway").decode(client.json(response).get("access_token").asText());
        ReadmissionPrincipal principal = TokenClaims.principalOf(jwt);

        assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(principal.id()).isEqualTo("de-bpol-system");
        assertThat(principal.party()).isEqualTo("DE-BPOL");
        assertThat(principal.roles()).containsExactly(Role.PARTNER_SYSTEM);
        assertThat(principal.kind()).isEqualTo(ReadmissionPrincipal.Kind.SYSTEM);
    }

    @Test
    void issuesPartnerSystemTokenOnlyForTheGateway() throws Exception {
        String token = client.json(client.clientCredentials("nl-dtv-system", "local-demo-nl-dtv-secret"))
                .get("access_token").asText();

        assertThatThrownBy(() -> client.decoderOf("case-workflow").decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void issuesTheDemoSeederATokenForTheTaskApiOfOneParty() throws Exception {
        HttpResponse<String> response = client.clientCredentials("seed-demo-de-bpol", "local-demo-seed-demo-de-bpol-secret");
        assertThat(response.statusCode()).isEqualTo(200);

        String token = client.json(response).get("access_token").asText();
        ReadmissionPrincipal seeder = TokenClaims.principalOf(client.decoderOf("case-workflow").decode(token));
        assertThat(seeder.party()).isEqualTo("DE-BPOL");
        assertThat(seeder.kind()).isEqualTo(ReadmissionPrincipal.Kind.SYSTEM);
        assertThat(seeder.roles()).contains(Role.CASE_OFFICER, Role.PROTECTION_OFFICER, Role.SUPERVISOR)
                .doesNotContain(Role.AUDITOR, Role.PARTNER_SYSTEM);
        assertThatThrownBy(() -> client.decoderOf("partner-gateway").decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesClientWithWrongSecret() throws Exception {
        assertThat(client.clientCredentials("de-bpol-system", "guessed").statusCode()).isEqualTo(401);
    }

    @Test
    void signsOfficerInThroughTheWorkspaceWithPartyAndRoles() throws Exception {
        HttpResponse<String> response = client.signIn("az-sms.officer", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = client.json(response);

        Jwt access = client.decoderOf("case-workflow").decode(tokens.get("access_token").asText());
        ReadmissionPrincipal officer = TokenClaims.principalOf(access);
        assertThat(officer.id()).isEqualTo("az-sms.officer");
        assertThat(officer.party()).isEqualTo("AZ-SMS");
        assertThat(officer.roles()).containsExactly(Role.CASE_OFFICER);
        assertThat(officer.kind()).isEqualTo(ReadmissionPrincipal.Kind.PERSON);
        assertThat(access.getAudience()).contains("case-view", "case-workflow", "reintegration");

        // the ID token is for the workspace itself
        Jwt id = client.decoderOf("workspace").decode(tokens.get("id_token").asText());
        assertThat(id.getSubject()).isEqualTo("az-sms.officer");
        assertThat(id.getClaimAsString("party")).isEqualTo("AZ-SMS");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("case-officer");
        assertThat(id.getClaimAsString("zoneinfo")).isEqualTo("Asia/Baku");
        assertThat(id.getClaimAsString("nonce")).as("the nonce of the authorization request, echoed").isNotBlank();
        assertThat(tokens.has("refresh_token")).isTrue();
    }

    @Test
    void signsSupervisorInToCamundasWebappsThroughTheCaseWorkflowClient() throws Exception {
        HttpResponse<String> response = client.signInToCamunda("az-sms.supervisor", "demo");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tokens = client.json(response);

        // the ID token, for case-workflow itself, says who signed in: the engine user, their groups and tenant follow
        Jwt id = client.decoderOf("case-workflow").decode(tokens.get("id_token").asText());
        assertThat(id.getSubject()).isEqualTo("az-sms.supervisor");
        assertThat(id.getAudience()).containsExactly("case-workflow");
        assertThat(id.getClaimAsString("party")).isEqualTo("AZ-SMS");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("supervisor");
        // its access token is for case-workflow only
        String access = tokens.get("access_token").asText();
        assertThat(client.decoderOf("case-workflow").decode(access).getAudience()).containsExactly("case-workflow");
        assertThatThrownBy(() -> client.decoderOf("case-view").decode(access)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void signsInTheAddedAuditorAndProvider() throws Exception {
        Jwt auditor = client.decoderOf("case-view").decode(client.json(client.signIn("az-sms.auditor", "demo"))
                .get("access_token").asText());
        Jwt provider = client.decoderOf("reintegration").decode(client.json(client.signIn("iom-az.provider", "demo"))
                .get("access_token").asText());

        assertThat(TokenClaims.principalOf(auditor).roles()).containsExactly(Role.AUDITOR);
        assertThat(TokenClaims.principalOf(provider).roles()).containsExactly(Role.REINTEGRATION_PROVIDER);
        assertThat(TokenClaims.principalOf(provider).party()).isEqualTo("IOM-AZ");
    }

    @Test
    void refusesWrongPassword() throws Exception {
        HttpResponse<String> response = client.signIn("az-sms.officer", "not-demo");

        assertThat(response.uri().toString()).endsWith("/login?error");
    }

    @Test
    void publishesDiscoveryAndLeavesHealthOpen() throws Exception {
        JsonNode discovery = client.getJson("/.well-known/openid-configuration");

        assertThat(discovery.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(client.getJson("/actuator/health").get("status").asText()).isEqualTo("UP");
    }
}
