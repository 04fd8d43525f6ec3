package org.readmission.caseworkflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Camunda's webapps and engine REST API behind the same sign-in as the service's APIs, with Camunda's authorizations
 * and one tenant per party: a real engine (H2), real HTTP through the embedded server, bearer tokens of the tests'
 * issuer, and the webapps' OIDC sign-in walked as a browser walks it against {@link TestSignInProvider}. A case of
 * DE-BPOL (requesting) to AZ-SMS (requested) is in the tenant AZ-SMS; its first task is offered to
 * {@code AZ-SMS:case-officer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
@DirtiesContext
@Import(InfrastructureTestModel.class)
class CamundaAccessIntegrationTest extends CaseWorkflowTestBase {

    static final TestSignInProvider PROVIDER = TestSignInProvider.serving(TestTokens.ISSUER);
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void signIn(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_camunda_access"));
        registry.add("readmission.camunda.sign-in.issuer", TestTokens.ISSUER::issuer);
        registry.add("spring.security.oauth2.client.registration.readmission.client-secret", () -> TestSignInProvider.CLIENT_SECRET);
        registry.add("spring.security.oauth2.client.provider.readmission.authorization-uri", PROVIDER::authorizationUri);
        registry.add("spring.security.oauth2.client.provider.readmission.token-uri", PROVIDER::tokenUri);
        registry.add("spring.security.oauth2.client.provider.readmission.jwk-set-uri", TestTokens.ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentityService identity;
    @LocalServerPort
    int port;

    // ---- the engine REST API

    @Test
    void engineRestTakesOnlyValidBearerTokensOfAPartysOfficers() {
        String path = rest("/process-instance");
        assertThat(restGet(path, null).getStatusCode().value()).as("no token").isEqualTo(401);
        assertThat(restGet(path, TestTokens.ISSUER.token().subject("supervisor-1").party("AZ-SMS").roles("supervisor")
                .audience("case-workflow").expired().sign()).getStatusCode().value()).as("expired").isEqualTo(401);
        assertThat(restGet(path, TestTokens.ISSUER.token().subject("supervisor-1").party("AZ-SMS").roles("supervisor")
                .audience("case-view").sign()).getStatusCode().value()).as("another audience").isEqualTo(401);
        assertThat(restGet(path, TestTokens.ISSUER.token().subject("supervisor-1").party("AZ-SMS").roles("supervisor")
                .audience("case-workflow").unsigned()).getStatusCode().value()).as("alg=none").isEqualTo(401);
        assertThat(restGet(path, TestTokens.ISSUER.token().subject("case-view").kind("system").audience("case-workflow")
                .sign()).getStatusCode().value()).as("a service client without party").isEqualTo(403);
        HttpHeaders basic = new HttpHeaders();
        basic.setBasicAuth("demo", "demo");
        assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic), String.class).getStatusCode().value())
                .as("Camunda's HTTP Basic for engine users is gone").isEqualTo(401);
        assertThat(identity.createUserQuery().userId("demo").count()).as("no demo user in the engine").isZero();
        assertThat(identity.isReadOnly()).as("no engine users can be made").isTrue();
        assertThat(restGet(path, supervisor("AZ-SMS")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void supervisorsSeeTheInstancesOfTheCasesTheirPartyProcessesOnly() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        ProcessInstance instance = awaitInstance(caseId);
        String list = rest("/process-instance?businessKey=" + caseId);

        assertThat(ids(restGet(list, supervisor(CaseCommands.REQUESTED)))).as("the requested party's supervisor")
                .containsExactly(instance.getId());
        assertThat(restGet(rest("/process-instance/" + instance.getId()), supervisor(CaseCommands.REQUESTED))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(restGet(rest("/history/process-instance?processInstanceBusinessKey=" + caseId), supervisor(CaseCommands.REQUESTED))
                .getBody()).contains(instance.getId());

        for (String other : List.of("NL-DTV", CaseCommands.REQUESTING)) {
            ResponseEntity<String> listed = restGet(list, supervisor(other));
            assertThat(listed.getStatusCode().value()).isEqualTo(200);
            assertThat(ids(listed)).as("%s's supervisor lists none", other).isEmpty();
            ResponseEntity<String> single = restGet(rest("/process-instance/" + instance.getId()), supervisor(other));
            assertThat(single.getStatusCode().value()).as("%s's supervisor opens it", other).isIn(403, 404);
            assertThat(single.getBody()).doesNotContain(caseId);
            assertThat(restGet(rest("/process-instance/" + instance.getId() + "/variables"), supervisor(other))
                    .getStatusCode().value()).isIn(403, 404);
        }
        // an officer who is no supervisor does not read instances, even of their own party
        assertThat(ids(restGet(list, TestTokens.person("officer-a", CaseCommands.REQUESTED, "case-officer")))).isEmpty();
    }

    @Test
    void officersSeeAndWorkTheTasksOfTheirCandidateGroupOnly() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        ProcessInstance instance = awaitInstance(caseId);
        verifyAll(caseId);
        String taskId = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");
        String tasks = rest("/task?processInstanceId=" + instance.getId());

        // the engine granted the candidate group READ and UPDATE on the task when it created it
        List<Authorization> taskGrants = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(taskId).groupIdIn("AZ-SMS:case-officer").list();
        assertThat(taskGrants).hasSize(1);
        assertThat(taskGrants.get(0).isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(taskGrants.get(0).isPermissionGranted(Permissions.UPDATE)).isTrue();

        String officer = TestTokens.person("officer-a", "AZ-SMS", "case-officer");
        assertThat(ids(restGet(tasks, officer))).containsExactly(taskId);
        assertThat(ids(restGet(tasks, TestTokens.person("officer-x", "DE-BPOL", "case-officer"))))
                .as("another party's case officer").isEmpty();
        assertThat(ids(restGet(tasks, TestTokens.person("consul-1", "AZ-SMS", "consular-officer"))))
                .as("the same party's consular officer").isEmpty();
        assertThat(restGet(rest("/task/" + taskId), TestTokens.person("officer-x", "DE-BPOL", "case-officer"))
                .getStatusCode().value()).isIn(403, 404);

        // the officer can claim it through the engine REST API (UPDATE), another party's officer cannot
        assertThat(restPost(rest("/task/" + taskId + "/claim"), TestTokens.person("officer-x", "DE-BPOL", "case-officer"),
                "{\"userId\":\"officer-x\"}").getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(restPost(rest("/task/" + taskId + "/claim"), officer, "{\"userId\":\"officer-a\"}").getStatusCode().value())
                .isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("officer-a");
    }

    @Test
    void aCasesInstancesBelongToItsRequestedParty() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        ProcessInstance instance = awaitInstance(caseId);
        assertThat(instance.getTenantId()).isEqualTo(CaseCommands.REQUESTED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getTenantId()).isEqualTo(CaseCommands.REQUESTED);
        // the definitions stay shared, the parties' tenants exist
        assertThat(repository.createProcessDefinitionQuery().processDefinitionId(instance.getProcessDefinitionId())
                .singleResult().getTenantId()).isNull();
        assertThat(identity.createTenantQuery().tenantIdIn("AZ-SMS", "DE-BPOL", "NL-DTV").count()).isEqualTo(3);
    }

    // ---- the webapps

    @Test
    void theWebappsSendAnAnonymousBrowserToTheOidcProvider() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> app = send(browser, get(base() + "/camunda/app/cockpit/" + engine.getName() + "/"));
        assertThat(app.statusCode()).isEqualTo(302);
        URI next = app.uri().resolve(app.headers().firstValue("Location").orElseThrow());
        assertThat(next.getPath()).isEqualTo("/oauth2/authorization/readmission");
        HttpResponse<String> authorization = send(browser, get(next.toString()));
        assertThat(authorization.statusCode()).isEqualTo(302);
        URI provider = URI.create(authorization.headers().firstValue("Location").orElseThrow());
        assertThat(provider.toString()).startsWith(PROVIDER.authorizationUri());
        Map<String, String> request = TestSignInProvider.queryOf(provider);
        assertThat(request).containsEntry("client_id", "case-workflow").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge").containsKey("nonce");
        assertThat(request.get("redirect_uri")).isEqualTo(base() + "/login/oauth2/code/readmission");
        assertThat(request.get("scope")).contains("openid");

        // the webapps' API answers 401 (no redirect) to a browser without a session
        assertThat(send(browser(), api(base() + "/camunda/api/admin/auth/user/" + engine.getName())).statusCode()).isEqualTo(401);
        assertThat(send(browser(), api(base() + "/camunda/api/engine/engine/" + engine.getName() + "/process-instance"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void afterTheOidcSignInTheWebappsRunAsThatOfficerWithTheirPartysGroupsAndTenant() throws Exception {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        ProcessInstance instance = awaitInstance(caseId);

        HttpClient supervisor = signedIn("az-sms.supervisor", "AZ-SMS", "supervisor");
        JsonNode me = JSON.readTree(send(supervisor, api(base() + "/camunda/api/admin/auth/user/" + engine.getName())).body());
        assertThat(me.get("userId").asText()).isEqualTo("az-sms.supervisor");
        assertThat(me.get("authorizedApps").toString()).contains("cockpit", "tasklist", "welcome").doesNotContain("admin");
        // as that user, with group AZ-SMS:supervisor and tenant AZ-SMS, the webapps' engine API shows the case
        HttpResponse<String> instances = send(supervisor, api(base() + "/camunda/api/engine/engine/" + engine.getName()
                + "/process-instance?businessKey=" + caseId));
        assertThat(instances.statusCode()).isEqualTo(200);
        assertThat(instances.body()).contains(instance.getId());

        HttpClient otherSupervisor = signedIn("nl-dtv.supervisor", "NL-DTV", "supervisor");
        HttpResponse<String> none = send(otherSupervisor, api(base() + "/camunda/api/engine/engine/" + engine.getName()
                + "/process-instance?businessKey=" + caseId));
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(none.body())).isEmpty();

        HttpClient officer = signedIn("az-sms.officer", "AZ-SMS", "case-officer");
        JsonNode officerApps = JSON.readTree(send(officer, api(base() + "/camunda/api/admin/auth/user/" + engine.getName()))
                .body()).get("authorizedApps");
        assertThat(officerApps.toString()).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(send(officer, get(base() + "/camunda/app/cockpit/" + engine.getName() + "/")).statusCode())
                .as("Cockpit is for supervisors").isEqualTo(403);
    }

    @Test
    void camundasOwnLoginIsNoWayInAnyMore() throws Exception {
        String login = base() + "/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit";
        // a browser without a session, with the webapps' CSRF token as the login page would send it
        HttpClient anonymous = browser();
        send(anonymous, get(base() + "/camunda/app/cockpit/" + engine.getName() + "/"));
        assertThat(send(anonymous, formLogin(login, xsrfToken(anonymous))).statusCode()).isIn(401, 403);
        // a signed-in officer cannot switch to an engine user either
        HttpClient officer = signedIn("az-sms.supervisor", "AZ-SMS", "supervisor");
        assertThat(send(officer, formLogin(login, xsrfToken(officer))).statusCode()).isEqualTo(403);
        // nor set up a first administrator
        assertThat(send(officer, HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/setup/" + engine.getName()
                        + "/user/create")).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfToken(officer))
                .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"demo\"},\"credentials\":{\"password\":\"demo\"}}"))
                .build()).statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().count()).isZero();
    }

    // ---- helpers

    private String rest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    private static String supervisor(String party) {
        return TestTokens.person(party.toLowerCase() + ".supervisor", party, "supervisor");
    }

    private ResponseEntity<String> restGet(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(token == null ? new HttpHeaders() : TestTokens.bearer(token)),
                String.class);
    }

    private ResponseEntity<String> restPost(String path, String token, String body) {
        HttpHeaders headers = TestTokens.bearer(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static List<String> ids(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        try {
            JsonNode list = JSON.readTree(response.getBody());
            return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asText()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * A browser signed in as the officer: the sign-in walked from a webapp's page (Cockpit for a supervisor, Tasklist
     * for the others) to the provider and back.
     */
    private HttpClient signedIn(String user, String party, String role) throws Exception {
        PROVIDER.signInAs(user, party, role);
        HttpClient browser = browser();
        String cockpit = base() + "/camunda/app/" + ("supervisor".equals(role) ? "cockpit" : "tasklist") + "/"
                + engine.getName() + "/";
        HttpResponse<String> response = send(browser, get(cockpit));
        for (int hops = 0; response.statusCode() / 100 == 3 && hops < 10; hops++) {
            response = send(browser, get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString()));
        }
        assertThat(response.statusCode()).as("signed in as %s, ended at %s: %s", user, response.uri(), response.body())
                .isEqualTo(200);
        assertThat(response.uri().toString()).as("back on the page asked for").startsWith(cockpit);
        return browser;
    }

    private static String xsrfToken(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue).findFirst().orElse("");
    }

    private static HttpRequest formLogin(String url, String xsrf) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo", StandardCharsets.UTF_8)).build();
    }

    /** A page as a browser asks for it. */
    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
    }

    /** A call of the webapps' API as their front-end makes it. */
    private static HttpRequest api(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET().build();
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
