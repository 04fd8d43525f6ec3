package org.readmission.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TestTokenIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The auto-configured trail in a Spring Boot web service, and the auditors' API over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=audit-api-test", "server.address=127.0.0.1"})
class AuditApiIntegrationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Service {
    }

    static final TestTokenIssuer issuer = TestTokenIssuer.serving();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("audit_api_test"));
        issuer.trustProperties().forEach(registry::add);
    }

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditVerification verification;
    @Autowired
    TestRestTemplate rest;

    @Test
    void chainIsNamedAfterTheService() {
        assertThat(trail.chain()).isEqualTo("audit-api-test");
    }

    @Test
    void auditorFindsTheRecordsOfACaseAndTheQueryIsItselfRecorded() {
        trail.appendAll(List.of(AuditTrails.received("api-1", "RC-0000000000A1"), AuditTrails.received("api-2", "RC-0000000000A2"),
                AuditTrails.received("api-3", "RC-0000000000A1")));

        ResponseEntity<List<Map<String, Object>>> found = get("/api/v1/audit?caseId=RC-0000000000A1", token("DE-DPA", "auditor"));

        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).extracting(r -> r.get("reference")).containsExactly("api-1", "api-3");
        assertThat(found.getBody().get(0)).containsKeys("who", "party", "action", "what", "caseId", "purpose", "at", "sequence", "hash");
        ResponseEntity<List<Map<String, Object>>> reads = get("/api/v1/audit?party=DE-DPA&caseId=RC-0000000000A1", token("DE-DPA", "auditor"));
        assertThat(reads.getBody()).extracting(r -> r.get("action")).containsExactly("AUDIT_TRAIL_READ");
        assertThat(reads.getBody().get(0).get("who")).isEqualTo("user:dpo-1");
        assertThat(verification.verify(trail.chain()).intact()).isTrue();
    }

    @Test
    void refusesCallersWhoAreNotAuditors() {
        trail.append(AuditTrails.received("api-4", "RC-0000000000B1"));

        ResponseEntity<String> officer = refused("/api/v1/audit?caseId=RC-0000000000B1", token("DE-DPA", "case-officer"));
        assertThat(officer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officer.getBody()).doesNotContain("api-4");
        assertThat(refused("/api/v1/audit?caseId=RC-0000000000B1", token("DE-DPA", "case-officer", "supervisor"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // an auditor role without a party (a service client) is not an auditor of a party
        assertThat(refused("/api/v1/audit?caseId=RC-0000000000B1", token(null, "auditor")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/v1/audit?caseId=RC-0000000000B1", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesTokensThisServiceDoesNotTrust() {
        trail.append(AuditTrails.received("api-5", "RC-0000000000C1"));
        String otherAudience = issuer.token().subject("dpo-1").party("DE-DPA").roles("auditor").audience("case-view").sign();
        String expired = issuer.token().subject("dpo-1").party("DE-DPA").roles("auditor").audience("audit-api-test").expired().sign();
        String forged = issuer.token().subject("dpo-1").party("DE-DPA").roles("auditor").audience("audit-api-test").signedByUnknownKey();

        for (String token : List.of(otherAudience, expired, forged)) {
            ResponseEntity<String> refused = refused("/api/v1/audit?caseId=RC-0000000000C1", token);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody()).doesNotContain("api-5");
        }
    }

    private ResponseEntity<List<Map<String, Object>>> get(String url, String token) {
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(bearer(token)), new ParameterizedTypeReference<>() {
        });
    }

    private ResponseEntity<String> refused(String url, String token) {
        return rest.exchange(url, HttpMethod.GET, new HttpEntity<>(bearer(token)), String.class);
    }

    private static String token(String party, String... roles) {
        TestTokenIssuer.Token token = issuer.token().subject("dpo-1").roles(roles).audience("audit-api-test");
        return (party == null ? token : token.party(party)).sign();
    }

    private static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}
