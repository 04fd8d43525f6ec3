package org.readmission.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * identity-verification has no business REST API (its work comes and goes on Kafka): what it serves over HTTP is
 * health, info and prometheus without a token, and everything else (metrics, any other path) only with a bearer token
 * of a trusted issuer for audience {@code identity-verification}. Anything under {@code /api/**} answers 401 without
 * a valid token and, with one, 404: there is nothing to read, in particular not the access log or the findings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "management.health.mongo.enabled=false"})
@EmbeddedKafka(kraft = true, partitions = 3)
class ApiAccessMatrixIntegrationTest {

    /** Paths a caller might try for what the service keeps: nothing is served there. */
    static final List<String> PATHS = List.of("/api/v1/verifications?caseId=RC-1", "/api/v1/access-log?caseId=RC-1",
            "/actuator/metrics", "/actuator/env");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry properties) throws IOException {
        IdentityTokens.trust(properties);
        Path keys = Files.createTempDirectory("identity-verification-acl");
        properties.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("identity_verification_acl"));
        properties.add("readmission.data-dir", keys::toString);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void healthIsOpen() {
        // (prometheus is open too, but its export is off in tests)
        for (String open : List.of("/actuator/health")) {
            assertThat(http.getForEntity(open, String.class).getStatusCode()).as(open).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void withoutATokenEverythingElseIs401() {
        for (String path : PATHS) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.getForEntity(path, String.class).getHeaders().getFirst("WWW-Authenticate")).as(path)
                    .startsWith("Bearer");
        }
    }

    @Test
    void aTokenForAnotherServiceOrABadTokenIs401() {
        String otherAudience = IdentityTokens.ISSUER.token().subject("az-sms.auditor").party("AZ-SMS").roles("auditor")
                .audience("case-workflow").sign();
        String expired = IdentityTokens.ISSUER.token().subject("az-sms.auditor").party("AZ-SMS").roles("auditor")
                .audience(IdentityTokens.AUDIENCE).expired().sign();
        String unsigned = IdentityTokens.ISSUER.token().subject("az-sms.auditor").party("AZ-SMS").roles("auditor")
                .audience(IdentityTokens.AUDIENCE).unsigned();
        for (String path : PATHS) {
            for (String token : List.of(otherAudience, expired, unsigned)) {
                assertThat(status(path, token)).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
        }
    }

    @Test
    void withAValidTokenTheApiPathsServeNothing() {
        for (String role : List.of("auditor", "case-officer", "supervisor")) {
            String token = IdentityTokens.person("AZ-SMS", role);
            assertThat(status("/api/v1/verifications?caseId=RC-1", token)).as(role).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(status("/api/v1/access-log?caseId=RC-1", token)).as(role).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(status("/actuator/metrics", IdentityTokens.person("AZ-SMS", "auditor"))).isEqualTo(HttpStatus.OK);
    }

    HttpStatusCode status(String path, String token) {
        return http.exchange(path, HttpMethod.GET, IdentityTokens.bearer(token), String.class).getStatusCode();
    }
}
