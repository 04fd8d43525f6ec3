package org.readmission.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.readmission.security.sample.ProtectedApplication;
import org.readmission.testing.TestTokenIssuer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's defaults in a running service on a real port: tokens of two trusted issuers (one whose JWK set is
 * fetched over HTTP, one read from a file) against every way a token can be wrong.
 */
@SpringBootTest(classes = ProtectedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.endpoints.web.exposure.include=health,info")
class ResourceServerIntegrationTest {

    static final String AUDIENCE = "case-workflow";
    static final TestTokenIssuer issuer = TestTokenIssuer.serving();
    static final TestTokenIssuer fileIssuer = TestTokenIssuer.offline("https://keys-from-a-file.test");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void trust(DynamicPropertyRegistry properties) throws IOException {
        Path jwks = fileIssuer.writeJwkSet(Files.createTempFile("jwks", ".json"));
        properties.add("readmission.security.audience", () -> AUDIENCE);
        properties.add("readmission.security.issuers[0].issuer", issuer::issuer);
        properties.add("readmission.security.issuers[0].jwk-set-uri", issuer::jwkSetUri);
        properties.add("readmission.security.issuers[1].issuer", fileIssuer::issuer);
        properties.add("readmission.security.issuers[1].jwk-set", () -> jwks.toUri().toString());
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Test
    void servesValidTokenWithCallersPartyAndRoles() throws Exception {
        HttpResponse<String> response = get("/api/whoami", officer().roles("case-officer", "supervisor").sign());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"party\":\"DE-BPOL\"", "\"id\":\"de-bpol.officer\"", "\"kind\":\"PERSON\"",
                "\"roles\":[\"case-officer\",\"supervisor\"]");
    }

    @Test
    void servesEs256Token() throws Exception {
        assertThat(get("/api/whoami", officer().es256().sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTokenOfIssuerWhoseKeysAreInAFile() throws Exception {
        String token = fileIssuer.token().subject("de-bpol-system").party("DE-BPOL").roles("partner-system")
                .kind("system").audience(AUDIENCE).sign();

        HttpResponse<String> response = get("/api/whoami", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"kind\":\"SYSTEM\"", "\"roles\":[\"partner-system\"]");
    }

    @Test
    void answersRequestWithoutTokenWith401Problem() throws Exception {
        HttpResponse<String> response = get("/api/whoami", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.body()).contains("\"status\":401", "\"title\":\"Unauthorized\"");
    }

    @Test
    void refusesExpiredToken() throws Exception {
        assertRefused(officer().expired().sign());
    }

    @Test
    void refusesTokenWithoutExpiry() throws Exception {
        assertRefused(officer().expiresAt(null).sign());
    }

    @Test
    void refusesTokenForAnotherService() throws Exception {
        assertRefused(officer().audience("partner-gateway").sign());
    }

    @Test
    void refusesTokenOfUntrustedIssuer() throws Exception {
        assertRefused(officer().issuer("https://somebody-else.test").sign());
    }

    @Test
    void refusesUnsignedToken() throws Exception {
        assertRefused(officer().unsigned());
    }

    @Test
    void refusesTamperedToken() throws Exception {
        assertRefused(officer().tampered());
    }

    @Test
    void refusesTokenWithUnknownKeyId() throws Exception {
        assertRefused(officer().kid("not-a-key-of-the-issuer").sign());
    }

    @Test
    void refusesTokenSignedByUnknownKey() throws Exception {
        assertRefused(officer().signedByUnknownKey());
    }

    @Test
    void refusesSymmetricallySignedToken() throws Exception {
        assertRefused(officer().signedWithSecret("a-secret-that-is-long-enough-for-HS256!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void refusesFileIssuersKeysForTheOtherIssuer() throws Exception {
        // signed with the file issuer's key but claiming the HTTP issuer: the HTTP issuer's keys must decide
        assertRefused(fileIssuer.token().issuer(issuer.issuer()).party("DE-BPOL").roles("case-officer").audience(AUDIENCE).sign());
    }

    @Test
    void answersValidTokenWithoutTheRoleWith403Problem() throws Exception {
        HttpResponse<String> response = get("/api/dashboard", officer().sign());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":403").doesNotContain("DE-BPOL", "de-bpol.officer");
    }

    @Test
    void servesSupervisorTheDashboard() throws Exception {
        HttpResponse<String> response = get("/api/dashboard", officer().roles("supervisor").sign());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("DE-BPOL");
    }

    @Test
    void showsCaseOnlyToItsParties() throws Exception {
        String token = officer().sign();

        assertThat(get("/api/cases/DE-BPOL/AZ-SMS", token).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/NL-DTV/AZ-SMS", token).statusCode()).isEqualTo(404);
    }

    @Test
    void leavesHealthOpen() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    private TestTokenIssuer.Token officer() {
        return issuer.token().subject("de-bpol.officer").party("DE-BPOL").roles("case-officer").audience(AUDIENCE);
    }

    private void assertRefused(String token) throws Exception {
        HttpResponse<String> response = get("/api/whoami", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.body()).contains("\"status\":401").doesNotContain("DE-BPOL", "de-bpol.officer");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
