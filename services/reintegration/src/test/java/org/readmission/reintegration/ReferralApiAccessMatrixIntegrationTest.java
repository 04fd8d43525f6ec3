package org.readmission.reintegration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.readmission.reintegration.referral.Referral;
import org.readmission.reintegration.referral.ReferralDesk;
import org.readmission.reintegration.referral.ReferralRequest;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may read the referrals ({@code GET /api/v1/referrals?caseId=}), with real tokens of the tests' issuer: the
 * officers of the case's parties see the case's referrals, a provider only the one it holds, other parties and other
 * providers nothing (404), other roles 403, no token or a token for another audience 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralApiAccessMatrixIntegrationTest {

    static final String CASE = "RC-ACL-1";
    static final String REQUESTING = "DE-BPOL";
    static final String REQUESTED = "AZ-SMS";
    static final List<String> PROVIDERS = List.of("AZ-SMS-RU", "IOM-AZ", "AZ-EURP-GANJA", "AZ-EURP-LANKARAN", "DE-CARITAS");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws java.io.IOException {
        ReintegrationTokens.trust(registry);
        java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory("reintegration-acl");
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("reintegration_acl"));
        registry.add("readmission.data-dir", dataDir::toString);
    }

    @Autowired
    ReferralDesk desk;
    @Autowired
    TestRestTemplate http;

    String provider;
    String otherProvider;

    @BeforeAll
    void twoPersonsReferred() {
        Referral p1 = desk.requested("acl-1", new ReferralRequest(CASE, "APP-" + CASE, REQUESTING, REQUESTED, "P-1", 1,
                "STANDARD", List.of("HOUSING"), List.of(), "Lankaran-Astara"), Instant.now());
        Referral p2 = desk.requested("acl-2", new ReferralRequest(CASE, "APP-" + CASE, REQUESTING, REQUESTED, "P-2", 1,
                "STANDARD", List.of("EMPLOYMENT"), List.of(), "Ganja-Dashkasan"), Instant.now());
        provider = p1.provider();
        assertThat(provider).as("P-1 offered to a provider").isNotNull();
        // a provider that holds none of the case's referrals
        otherProvider = PROVIDERS.stream().filter(code -> !code.equals(provider) && !code.equals(p2.provider()))
                .findFirst().orElseThrow();
    }

    // --- allowed

    @Test
    void officersOfBothPartiesOfTheCaseSeeAllItsReferrals() {
        for (String token : List.of(ReintegrationTokens.officer(REQUESTING), ReintegrationTokens.officer(REQUESTED),
                ReintegrationTokens.person(REQUESTED, "reintegration-officer"), ReintegrationTokens.person(REQUESTING, "supervisor"))) {
            ResponseEntity<List<Map<String, Object>>> answer = referrals(CASE, token);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).extracting(r -> r.get("personId")).containsExactly("P-1", "P-2");
        }
    }

    @Test
    void theProviderSeesOnlyTheReferralItHolds() {
        ResponseEntity<List<Map<String, Object>>> answer = referrals(CASE, ReintegrationTokens.person(provider, "reintegration-provider"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isNotEmpty().allSatisfy(r -> {
            assertThat(r).containsEntry("provider", provider);
            assertThat((List<?>) r.get("triedProviders")).isEmpty();
        });
        assertThat(answer.getBody()).extracting(r -> r.get("personId")).contains("P-1");
    }

    // --- other party, other provider: as if the case did not exist

    @Test
    void anotherPartysOfficerGets404() {
        assertThat(status(CASE, ReintegrationTokens.officer("NL-DTV"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(CASE, ReintegrationTokens.person("NL-DTV", "supervisor"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status("RC-NO-SUCH-CASE", ReintegrationTokens.officer(REQUESTING))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aProviderWithoutAReferralOfTheCaseGets404() {
        assertThat(status(CASE, ReintegrationTokens.person(otherProvider, "reintegration-provider")))
                .isEqualTo(HttpStatus.NOT_FOUND);
        // a provider token of a case party is still a provider: not the case's referrals
        assertThat(status(CASE, ReintegrationTokens.person(REQUESTED, "reintegration-provider"))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- wrong role

    @Test
    void rolesThatDoNotWorkOnReferralsGet403EvenInTheCasesParty() {
        for (String role : List.of("partner-system", "border-officer", "auditor", "escort-officer")) {
            assertThat(status(CASE, ReintegrationTokens.person(REQUESTED, role))).as(role).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status(CASE, ReintegrationTokens.ISSUER.token().subject("no-roles").party(REQUESTED)
                .audience(ReintegrationTokens.AUDIENCE).sign())).isEqualTo(HttpStatus.FORBIDDEN);
    }

    // --- no or bad token

    @Test
    void withoutATokenOrWithABadOneTheAnswerIs401() {
        assertThat(http.getForEntity("/api/v1/referrals?caseId=" + CASE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String wrongAudience = ReintegrationTokens.ISSUER.token().subject("de-bpol.officer").party(REQUESTING)
                .roles("case-officer").audience("case-workflow").sign();
        assertThat(status(CASE, wrongAudience)).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(CASE, ReintegrationTokens.ISSUER.token().subject("de-bpol.officer").party(REQUESTING)
                .roles("case-officer").audience(ReintegrationTokens.AUDIENCE).expired().sign())).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(CASE, ReintegrationTokens.ISSUER.token().subject("de-bpol.officer").party(REQUESTING)
                .roles("case-officer").audience(ReintegrationTokens.AUDIENCE).unsigned())).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthStaysOpenAndMetricsNeedAToken() {
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<List<Map<String, Object>>> referrals(String caseId, String token) {
        return http.exchange("/api/v1/referrals?caseId=" + caseId, HttpMethod.GET, ReintegrationTokens.bearer(token),
                new ParameterizedTypeReference<>() {
                });
    }

    HttpStatus status(String caseId, String token) {
        HttpEntity<Void> request = ReintegrationTokens.bearer(token);
        return HttpStatus.valueOf(http.exchange("/api/v1/referrals?caseId=" + caseId, HttpMethod.GET, request, String.class)
                .getStatusCode().value());
    }
}
