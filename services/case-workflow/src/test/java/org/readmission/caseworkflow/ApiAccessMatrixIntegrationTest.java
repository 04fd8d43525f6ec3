package org.readmission.caseworkflow;

import org.readmission.events.identity.VerificationOutcome;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TestTokenIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who may call which of the service's REST endpoints: every endpoint × caller (party, role, kind of token) against
 * a real task of the requested party's case officers, with tokens of a trusted test issuer. Allowed calls answer 2xx
 * (or 422 for a deliberately empty form: past authorization); forbidden ones 403; bad or missing tokens 401. Camunda's
 * webapps and engine REST API take the same sign-in ({@link CamundaAccessIntegrationTest} for what they show).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
@DirtiesContext
@Import(InfrastructureTestModel.class)
class ApiAccessMatrixIntegrationTest extends CaseWorkflowTestBase {

    static final TestTokenIssuer STRANGER = TestTokenIssuer.serving();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_access"));
    }

    enum Endpoint {
        LIST(HttpMethod.GET, "/api/v1/tasks"),
        DETAILS(HttpMethod.GET, "/api/v1/tasks/{task}"),
        CLAIM(HttpMethod.POST, "/api/v1/tasks/{task}/claim"),
        UNCLAIM(HttpMethod.POST, "/api/v1/tasks/{task}/unclaim"),
        COMPLETE_EMPTY_FORM(HttpMethod.POST, "/api/v1/tasks/{task}/complete"),
        INBOX(HttpMethod.GET, "/api/v1/inbox?state=PENDING"),
        AUDIT(HttpMethod.GET, "/api/v1/audit?caseId={case}");

        final HttpMethod method;
        final String path;

        Endpoint(HttpMethod method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    record Caller(String name, String token) {
    }

    @Autowired
    ProcessEngine engine;

    @Test
    void everyEndpointAnswersEachCallerAsItsRulesSay() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        verifyAll(caseId);
        String taskId = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");

        Caller officer = new Caller("AZ-SMS case officer", TestTokens.person("officer-a", "AZ-SMS", "case-officer"));
        Caller otherParty = new Caller("DE-BPOL case officer", TestTokens.person("officer-x", "DE-BPOL", "case-officer"));
        Caller otherRole = new Caller("AZ-SMS consular officer", TestTokens.person("consul-1", "AZ-SMS", "consular-officer"));
        Caller supervisor = new Caller("AZ-SMS supervisor", TestTokens.person("supervisor-1", "AZ-SMS", "supervisor"));
        Caller otherSupervisor = new Caller("DE-BPOL supervisor", TestTokens.person("supervisor-2", "DE-BPOL", "supervisor"));
        Caller auditor = new Caller("AZ-SMS auditor", TestTokens.person("auditor-1", "AZ-SMS", "auditor"));
        Caller twoRoles = new Caller("AZ-SMS officer with two roles, none chosen",
                TestTokens.person("officer-c", "AZ-SMS", "case-officer", "border-officer"));
        Caller serviceClient = new Caller("service client without party (case-view)", TestTokens.ISSUER.token()
                .subject("case-view").kind("system").audience("case-workflow").sign());
        Caller partyless = new Caller("supervisor role without party", TestTokens.ISSUER.token()
                .subject("someone").roles("supervisor", "auditor").audience("case-workflow").sign());
        Caller provider = new Caller("reintegration provider", TestTokens.person("iom-1", "IOM-AZ", "reintegration-provider"));

        // [caller][endpoint]: LIST, DETAILS, CLAIM, UNCLAIM, COMPLETE_EMPTY_FORM, INBOX, AUDIT
        Object[][] matrix = {
                {officer, 200, 200, 200, 200, 422, 403, 403},
                {otherParty, 200, 403, 403, 403, 403, 403, 403},
                {otherRole, 200, 403, 403, 403, 403, 403, 403},
                {supervisor, 200, 403, 403, 403, 403, 200, 403},
                {otherSupervisor, 200, 403, 403, 403, 403, 200, 403},
                {auditor, 200, 403, 403, 403, 403, 200, 200},
                {twoRoles, 403, 403, 403, 403, 403, 403, 403},
                {serviceClient, 403, 403, 403, 403, 403, 403, 403},
                {partyless, 403, 403, 403, 403, 403, 403, 403},
                {provider, 200, 403, 403, 403, 403, 403, 403},
                {new Caller("no token", null), 401, 401, 401, 401, 401, 401, 401},
                {new Caller("token for another audience", TestTokens.ISSUER.token().subject("officer-a").party("AZ-SMS")
                        .roles("case-officer").audience("case-view").sign()), 401, 401, 401, 401, 401, 401, 401},
                {new Caller("expired token", TestTokens.ISSUER.token().subject("officer-a").party("AZ-SMS")
                        .roles("case-officer").audience("case-workflow").expired().sign()), 401, 401, 401, 401, 401, 401, 401},
                {new Caller("token of an untrusted issuer", STRANGER.token().subject("officer-a").party("AZ-SMS")
                        .roles("case-officer", "supervisor", "auditor").audience("case-workflow").sign()),
                        401, 401, 401, 401, 401, 401, 401},
                {new Caller("unsigned token (alg none)", TestTokens.ISSUER.token().subject("officer-a").party("AZ-SMS")
                        .roles("case-officer", "auditor").audience("case-workflow").unsigned()), 401, 401, 401, 401, 401, 401, 401},
                {new Caller("tampered token", TestTokens.ISSUER.token().subject("officer-a").party("DE-BPOL")
                        .roles("case-officer").audience("case-workflow").tampered()), 401, 401, 401, 401, 401, 401, 401},
        };

        SoftAssertions softly = new SoftAssertions();
        for (Object[] row : matrix) {
            Caller caller = (Caller) row[0];
            Endpoint[] endpoints = Endpoint.values();
            for (int i = 0; i < endpoints.length; i++) {
                int expected = (Integer) row[i + 1];
                ResponseEntity<String> response = call(endpoints[i], caller.token(), taskId, caseId);
                softly.assertThat(response.getStatusCode().value())
                        .as("%s → %s %s", caller.name(), endpoints[i].method, endpoints[i].path).isEqualTo(expected);
                if (expected == 401 || expected == 403) {
                    softly.assertThat(response.getBody()).as("%s → %s: nothing of the case", caller.name(), endpoints[i])
                            .doesNotContain(caseId);
                }
            }
        }
        softly.assertAll();

        // the task stays offered to its group only: others' lists do not show it
        assertThat(listed(otherParty.token())).doesNotContain(taskId);
        assertThat(listed(otherRole.token())).doesNotContain(taskId);
        assertThat(listed(officer.token())).contains(taskId);
    }

    @Test
    void theRoleAskedForMustBeOneTheTokenGrants() {
        String twoRoles = TestTokens.person("officer-c", "AZ-SMS", "case-officer", "border-officer");
        assertThat(get("/api/v1/tasks?role=case-officer", twoRoles).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/tasks?role=border-officer", twoRoles).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/v1/tasks?role=supervisor", twoRoles).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/tasks?role=no-such-role", twoRoles).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        String officer = TestTokens.person("officer-a", "AZ-SMS", "case-officer");
        // the party is the token's: asking for another party's list is refused, the own one (any case) is fine
        assertThat(get("/api/v1/tasks?party=DE-BPOL&role=case-officer", officer).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/v1/tasks?party=az-sms", officer).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSupervisorSeesOnlyTheInboxEntriesOfTheirPartysCases() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        // a result for a person the case does not have: it waits in the inbox
        commands.sendVerification(CaseCommands.verified(caseId, "p9", VerificationOutcome.CONFIRMED));
        String requested = TestTokens.person("supervisor-1", CaseCommands.REQUESTED, "supervisor");
        String requesting = TestTokens.person("supervisor-2", CaseCommands.REQUESTING, "supervisor");
        String uninvolved = TestTokens.person("supervisor-3", "NL-DTV", "supervisor");
        String path = "/api/v1/inbox?state=PENDING&caseId=" + caseId;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(path, requested).getBody()).contains(caseId));
        assertThat(get(path, requesting).getBody()).contains(caseId);
        ResponseEntity<String> other = get(path, uninvolved);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(other.getBody()).isEqualTo("[]");
    }

    @Test
    void camundasEntriesTakeTheSameSignIn() {
        String officer = TestTokens.person("officer-a", "AZ-SMS", "case-officer");
        // engine REST: the bearer token of an officer of a party (the tests' engine has a unique name); HTTP Basic
        // for engine users is gone
        String engineRest = "/engine-rest/engine/" + engine.getName() + "/task/count";
        assertThat(get(engineRest, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(engineRest, officer).getStatusCode()).isEqualTo(HttpStatus.OK);
        HttpHeaders basic = new HttpHeaders();
        basic.set("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
        assertThat(http.exchange(engineRest, HttpMethod.GET, new HttpEntity<>(basic), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // the webapps: a browser without a session is sent to the sign-in, their API answers 401; a bearer token is
        // no webapp session
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange("/camunda/app/welcome/" + engine.getName() + "/", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/oauth2/authorization/readmission");
        assertThat(get("/camunda/api/engine/engine/", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get("/camunda/api/engine/engine/", officer).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the open endpoints need no token
        assertThat(get("/actuator/health", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/v3/api-docs", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private List<String> listed(String token) {
        ResponseEntity<List> response = http.exchange("/api/v1/tasks", HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(token)),
                List.class);
        List<String> ids = new ArrayList<>();
        for (Object task : response.getBody()) {
            ids.add((String) ((Map<?, ?>) task).get("id"));
        }
        return ids;
    }

    private ResponseEntity<String> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(token == null ? new HttpHeaders() : TestTokens.bearer(token)),
                String.class);
    }

    private ResponseEntity<String> call(Endpoint endpoint, String token, String taskId, String caseId) {
        HttpHeaders headers = token == null ? new HttpHeaders() : TestTokens.bearer(token);
        Object body = null;
        if (endpoint.method == HttpMethod.POST) {
            headers.setContentType(MediaType.APPLICATION_JSON);
            body = endpoint == Endpoint.COMPLETE_EMPTY_FORM ? Map.of() : null;
        }
        String path = endpoint.path.replace("{task}", taskId).replace("{case}", caseId);
        return http.exchange(path, endpoint.method, new HttpEntity<>(body, headers), String.class);
    }
}
