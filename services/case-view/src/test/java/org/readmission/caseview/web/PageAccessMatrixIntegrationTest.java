package org.readmission.caseview.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.cases.ExpectedTasks;
import org.readmission.caseview.security.SignedIn;
import org.readmission.events.partner.ProcedureType;
import org.readmission.messaging.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who may open which of case-view's pages: every endpoint the service serves × anonymous and every role of the
 * requesting party, of the requested party and of an unrelated party, against one case projected from real events
 * (DE-BPOL asks AZ-SMS; an open decision task of AZ-SMS's case officers and a protection hold placed by DE-BPOL, whose
 * review is DE-BPOL's protection officers' task).
 *
 * <p>Callers sign in as the auth-server signs them in: an ID token with {@code sub}, {@code party}, {@code roles},
 * {@code kind}, {@code name}, {@code zoneinfo}; the authorities are the service's own mapping of those claims
 * ({@link SignedIn}), and the pages read party and role through the service's {@code CurrentOfficer}.
 *
 * <p>The answers the service gives: anonymous → redirect to {@code /login} (the OIDC sign-in page); a case of another
 * party → <b>404</b> (the case page, its timeline and the task form: the service does not confirm that another party's
 * case exists); lists, search, statistics → 200 without the case; the dashboard pages to anyone but a supervisor →
 * <b>403</b>. Which officer may complete which task is the case workflow's rule (its own access matrix), not the
 * workspace's: the form is posted on the officer's behalf with their token, so any officer of the case's parties gets
 * the case page back with the API's answer.
 */
class PageAccessMatrixIntegrationTest extends CaseViewIntegrationTest {

    static final String REQUESTING_PARTY = "DE-BPOL";
    static final String REQUESTED_PARTY = "AZ-SMS";
    static final String UNRELATED_PARTY = "NL-DTV";

    static final String CASE_ID = "RC-MX-1";
    static final String APPLICATION_ID = "APP-" + CASE_ID;
    static final String NAME = "Zeynallı";
    static final String NATIVE_NAME = "Тофик Зейналлы";
    static final String DOCUMENT = "MX4455001";
    /** The day the case was received: no other test's case is received then, so the period's statistics are this case's. */
    static final String DAY = "2031-03-03";
    static final String PERIOD = "from=" + DAY + "&to=" + DAY;

    // roles (wire names of the security module's Role, as the auth-server puts them into `roles`)
    static final String CASE_OFFICER = "case-officer";
    static final String SUPERVISOR = "supervisor";
    static final String CONSULAR_OFFICER = "consular-officer";
    static final String REINTEGRATION_PROVIDER = "reintegration-provider";
    static final String AUDITOR = "auditor";
    static final String PARTNER_SYSTEM = "partner-system";
    static final String PROTECTION_OFFICER = "protection-officer";
    static final List<String> ROLES = List.of(CASE_OFFICER, SUPERVISOR, CONSULAR_OFFICER, REINTEGRATION_PROVIDER, AUDITOR,
            PARTNER_SYSTEM, PROTECTION_OFFICER);
    static final Set<String> ANY_ROLE = Set.of();

    /** Every endpoint case-view serves (its controllers' mappings, the sign-in's, the exposed actuator endpoints). */
    enum Endpoint {
        HOME("GET /"),
        LOGIN_PAGE("GET /login"),
        SIGN_IN_START("GET /oauth2/authorization/readmission"),
        MY_TASKS("GET /tasks"),
        PARTY_TASKS("GET /tasks?scope=party"),
        OVERDUE_SOON_TASKS("GET /tasks?scope=party&window=3650&sort=case"),
        CASE_PAGE("GET /cases/" + CASE_ID),
        CASE_TIMELINE("GET /cases/" + CASE_ID + "/timeline"),
        TASK_FORM("POST /cases/" + CASE_ID + "/tasks/" + ExpectedTasks.DECIDE_ON_APPLICATION),
        SEARCH_CASE_ID("GET /search?reference=" + CASE_ID),
        SEARCH_REFERENCE("GET /search?reference=" + APPLICATION_ID),
        SEARCH_NAME("GET /search?name=Tofiq Zeynalli"),
        SEARCH_DOCUMENT("GET /search?document=mx-4455001"),
        DASHBOARD("GET /dashboard?" + PERIOD),
        REPORT("GET /dashboard/report?" + PERIOD),
        REPORT_CSV("GET /dashboard/report.csv?" + PERIOD),
        FIGURE("GET /dashboard/figures/received?" + PERIOD),
        HEALTH("GET /actuator/health"),
        INFO("GET /actuator/info"),
        PROMETHEUS("GET /actuator/prometheus"),
        METRICS("GET /actuator/metrics"),
        ENV_NOT_EXPOSED("GET /actuator/env");

        final String method;
        final String uri;

        Endpoint(String request) {
            this.method = request.substring(0, request.indexOf(' '));
            this.uri = request.substring(request.indexOf(' ') + 1);
        }

        @Override
        public String toString() {
            return method + " " + uri;
        }
    }

    /** What a caller gets. */
    enum Expect {
        /** 302 to the sign-in page */
        TO_LOGIN,
        /** 302 to the task list */
        TO_TASKS,
        /** 302 to the OIDC provider's authorization endpoint */
        TO_PROVIDER,
        /** 200 with the case (its id and, where the page shows them, the person's name and document number) */
        SHOWN,
        /** 200 without anything of the case */
        NOT_SHOWN,
        /** 200: figures only (no case id, no name) */
        FIGURES_ONLY,
        /** 404, nothing of the case */
        NOT_FOUND,
        /** 403, nothing of the case */
        FORBIDDEN,
        /** open: neither a redirect to the sign-in nor 401/403 (answered alike to everyone), nothing of the case */
        OPEN
    }

    enum Party {
        REQUESTING(REQUESTING_PARTY), REQUESTED(REQUESTED_PARTY), UNRELATED(UNRELATED_PARTY);

        final String code;

        Party(String code) {
            this.code = code;
        }
    }

    /** One rule: this endpoint, to these roles (ANY_ROLE: every role no other rule of the endpoint names), per party. */
    record Rule(Endpoint endpoint, Set<String> roles, Expect requesting, Expect requested, Expect unrelated) {

        Expect of(Party party) {
            return switch (party) {
                case REQUESTING -> requesting;
                case REQUESTED -> requested;
                case UNRELATED -> unrelated;
            };
        }
    }

    static Rule rule(Endpoint endpoint, Set<String> roles, Expect requesting, Expect requested, Expect unrelated) {
        return new Rule(endpoint, roles, requesting, requested, unrelated);
    }

    /** Signed-in callers: one rule per endpoint and role group, a column per party. Written out, not derived from the code. */
    static final List<Rule> RULES = List.of(
            //   endpoint              roles                        requesting    requested     unrelated
            rule(Endpoint.HOME,               ANY_ROLE,                     Expect.TO_TASKS, Expect.TO_TASKS, Expect.TO_TASKS),
            rule(Endpoint.LOGIN_PAGE,         ANY_ROLE,                     Expect.OPEN,      Expect.OPEN,      Expect.OPEN),
            rule(Endpoint.SIGN_IN_START,      ANY_ROLE,                     Expect.TO_PROVIDER, Expect.TO_PROVIDER, Expect.TO_PROVIDER),
            // my tasks: the case is listed to the candidate groups of its open tasks only
            rule(Endpoint.MY_TASKS,           ANY_ROLE,                     Expect.NOT_SHOWN, Expect.NOT_SHOWN, Expect.NOT_SHOWN),
            rule(Endpoint.MY_TASKS,           Set.of(CASE_OFFICER),         Expect.NOT_SHOWN, Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.MY_TASKS,           Set.of(PROTECTION_OFFICER),   Expect.SHOWN,     Expect.NOT_SHOWN, Expect.NOT_SHOWN),
            // my party's tasks: both parties have a task on the case
            rule(Endpoint.PARTY_TASKS,        ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.OVERDUE_SOON_TASKS, ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            // the case itself: its parties' officers, whatever their role; anyone else: not found
            rule(Endpoint.CASE_PAGE,          ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_FOUND),
            rule(Endpoint.CASE_TIMELINE,      ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_FOUND),
            rule(Endpoint.TASK_FORM,          ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_FOUND),
            // search: within the caller's party
            rule(Endpoint.SEARCH_CASE_ID,     ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.SEARCH_REFERENCE,   ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.SEARCH_NAME,        ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.SEARCH_DOCUMENT,    ANY_ROLE,                     Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            // dashboard, report, CSV, the cases behind a figure: supervisors only, over their party's cases
            rule(Endpoint.DASHBOARD,          ANY_ROLE,                     Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN),
            rule(Endpoint.DASHBOARD,          Set.of(SUPERVISOR),           Expect.FIGURES_ONLY, Expect.FIGURES_ONLY, Expect.FIGURES_ONLY),
            rule(Endpoint.REPORT,             ANY_ROLE,                     Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN),
            rule(Endpoint.REPORT,             Set.of(SUPERVISOR),           Expect.FIGURES_ONLY, Expect.FIGURES_ONLY, Expect.FIGURES_ONLY),
            rule(Endpoint.REPORT_CSV,         ANY_ROLE,                     Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN),
            rule(Endpoint.REPORT_CSV,         Set.of(SUPERVISOR),           Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            rule(Endpoint.FIGURE,             ANY_ROLE,                     Expect.FORBIDDEN, Expect.FORBIDDEN, Expect.FORBIDDEN),
            rule(Endpoint.FIGURE,             Set.of(SUPERVISOR),           Expect.SHOWN,     Expect.SHOWN,     Expect.NOT_SHOWN),
            // actuator: health, info, prometheus open; metrics (all-party totals, no case) to anyone signed in; the rest not exposed
            rule(Endpoint.HEALTH,             ANY_ROLE,                     Expect.OPEN,      Expect.OPEN,      Expect.OPEN),
            rule(Endpoint.INFO,               ANY_ROLE,                     Expect.OPEN,      Expect.OPEN,      Expect.OPEN),
            rule(Endpoint.PROMETHEUS,         ANY_ROLE,                     Expect.OPEN,      Expect.OPEN,      Expect.OPEN),
            rule(Endpoint.METRICS,            ANY_ROLE,                     Expect.FIGURES_ONLY, Expect.FIGURES_ONLY, Expect.FIGURES_ONLY),
            rule(Endpoint.ENV_NOT_EXPOSED,    ANY_ROLE,                     Expect.NOT_FOUND, Expect.NOT_FOUND, Expect.NOT_FOUND));

    /** Anonymous callers (no session): everything but the open entries sends them to the sign-in. */
    static final Map<Endpoint, Expect> ANONYMOUS = anonymous();

    private static Map<Endpoint, Expect> anonymous() {
        Map<Endpoint, Expect> rules = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            rules.put(endpoint, Expect.TO_LOGIN);
        }
        rules.put(Endpoint.LOGIN_PAGE, Expect.OPEN);
        rules.put(Endpoint.SIGN_IN_START, Expect.TO_PROVIDER);
        rules.put(Endpoint.HEALTH, Expect.OPEN);
        rules.put(Endpoint.INFO, Expect.OPEN);
        rules.put(Endpoint.PROMETHEUS, Expect.OPEN);
        return rules;
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventPublisher publisher;
    @Autowired
    CaseStore store;

    @BeforeEach
    void theCaseIsProjected() {
        if (store.load(CASE_ID).isPresent()) {
            return;
        }
        var c = CaseEventFixtures.Case.of(CASE_ID, REQUESTING_PARTY, REQUESTED_PARTY);
        Instant t0 = Instant.parse(DAY + "T08:00:00Z");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Tofiq", NAME, NATIVE_NAME, DOCUMENT))));
        publish(publisher, c, c.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        publish(publisher, c, c.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, c, c.holdPlaced(t0.plusSeconds(120)));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.load(CASE_ID).filter(f -> f.onHold()
                && f.openTasks().stream().anyMatch(t -> t.candidateGroup().equals(REQUESTED_PARTY + ":" + CASE_OFFICER))
                && f.openTasks().stream().anyMatch(t -> t.candidateGroup().equals(REQUESTING_PARTY + ":" + PROTECTION_OFFICER)))
                .isPresent());
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int calls = 0;
        for (Endpoint endpoint : Endpoint.values()) {
            check(softly, "anonymous", endpoint, null, ANONYMOUS.get(endpoint));
            calls++;
        }
        Map<String, RequestPostProcessor> callers = new LinkedHashMap<>();
        List<Expect[]> expected = new ArrayList<>();
        for (Party party : Party.values()) {
            for (String role : ROLES) {
                String user = party.code.toLowerCase() + "." + role;
                RequestPostProcessor signedIn = SignedIn.as(user, party.code, role);
                for (Endpoint endpoint : Endpoint.values()) {
                    check(softly, party + " " + party.code + " " + role, endpoint, signedIn, expected(endpoint, party, role));
                    calls++;
                }
            }
        }
        // the provider holding referrals (IOM-AZ) is no party of the case: for the workspace an unrelated party
        RequestPostProcessor provider = SignedIn.as("iom-az.provider", "IOM-AZ", REINTEGRATION_PROVIDER);
        for (Endpoint endpoint : Endpoint.values()) {
            check(softly, "IOM-AZ reintegration-provider", endpoint, provider, expected(endpoint, Party.UNRELATED, REINTEGRATION_PROVIDER));
            calls++;
        }
        softly.assertAll();
        assertThat(calls).isEqualTo(Endpoint.values().length * (2 + Party.values().length * ROLES.size()));
    }

    @Test
    void theRulesCoverEveryEndpointOncePerRole() {
        for (Endpoint endpoint : Endpoint.values()) {
            assertThat(RULES.stream().filter(r -> r.endpoint() == endpoint && r.roles().isEmpty()))
                    .as("%s: one rule for any role", endpoint).hasSize(1);
            for (String role : ROLES) {
                assertThat(RULES.stream().filter(r -> r.endpoint() == endpoint && r.roles().contains(role)).count())
                        .as("%s %s: at most one rule naming the role", endpoint, role).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theTaskFormNeedsTheCsrfTokenOfTheSession() throws Exception {
        MockHttpServletResponse response = mvc.perform(post(Endpoint.TASK_FORM.uri)
                .with(SignedIn.as("az-sms.officer", REQUESTED_PARTY, CASE_OFFICER))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString(UTF_8)).doesNotContain(NAME).doesNotContain(DOCUMENT);
    }

    @Test
    void aSignInWithoutPartyOrRoleMakesNoOfficer() {
        assertThatThrownBy(() -> SignedIn.authoritiesAtSignIn(SignedIn.idToken("someone", null, CASE_OFFICER)))
                .as("no party").isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> SignedIn.authoritiesAtSignIn(SignedIn.idToken("someone", REQUESTED_PARTY)))
                .as("no role").isInstanceOf(OAuth2AuthenticationException.class);
        // a second role's authority is granted too: the dashboard then opens for the officer (party scope unchanged)
        assertThat(SignedIn.authoritiesAtSignIn(SignedIn.idToken("x", REQUESTED_PARTY, CASE_OFFICER, SUPERVISOR)))
                .extracting(Object::toString).contains("ROLE_CASE_OFFICER", "ROLE_SUPERVISOR");
    }

    static Expect expected(Endpoint endpoint, Party party, String role) {
        Rule named = RULES.stream().filter(r -> r.endpoint() == endpoint && r.roles().contains(role)).findFirst().orElse(null);
        Rule any = RULES.stream().filter(r -> r.endpoint() == endpoint && r.roles().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no rule for " + endpoint));
        return (named != null ? named : any).of(party);
    }

    private void check(SoftAssertions softly, String caller, Endpoint endpoint, RequestPostProcessor signedIn, Expect expect)
            throws Exception {
        MockHttpServletRequestBuilder request = "POST".equals(endpoint.method)
                ? post(endpoint.uri).with(csrf()).param("decision", "")
                : get(endpoint.uri);
        if (signedIn != null) {
            request.with(signedIn);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String body = response.getContentAsString(UTF_8);
        String redirect = response.getRedirectedUrl();
        String what = caller + " → " + endpoint + " (expected " + expect + ")";
        switch (expect) {
            case TO_LOGIN -> {
                softly.assertThat(status).as(what).isEqualTo(302);
                softly.assertThat(redirect).as(what).isNotNull().endsWith("/login");
            }
            case TO_TASKS -> {
                softly.assertThat(status).as(what).isEqualTo(302);
                softly.assertThat(redirect).as(what).isEqualTo("/tasks");
            }
            case TO_PROVIDER -> {
                softly.assertThat(status).as(what).isEqualTo(302);
                softly.assertThat(redirect).as(what).isNotNull().contains("/oauth2/authorize").contains("client_id=workspace")
                        .contains("code_challenge_method=S256");
            }
            case SHOWN -> {
                softly.assertThat(status).as(what).isEqualTo(200);
                softly.assertThat(shows(endpoint, body)).as(what + ": the case is in the answer").isTrue();
            }
            case NOT_SHOWN, FIGURES_ONLY, OPEN -> {
                if (expect == Expect.OPEN) {
                    softly.assertThat(status).as(what).isNotIn(302, 401, 403);
                } else {
                    softly.assertThat(status).as(what).isEqualTo(200);
                }
                softly.assertThat(shows(endpoint, body)).as(what + ": the case is not in the answer").isFalse();
                softly.assertThat(leaks(body)).as(what + ": nothing of the case").isEmpty();
            }
            case NOT_FOUND, FORBIDDEN -> {
                softly.assertThat(status).as(what).isEqualTo(expect == Expect.NOT_FOUND ? 404 : 403);
                softly.assertThat(leaks(body)).as(what + ": nothing of the case").isEmpty();
            }
        }
        if (expect != Expect.SHOWN) {
            // never the person's data where the case is not shown
            softly.assertThat(body).as(what).doesNotContain(NAME).doesNotContain(NATIVE_NAME).doesNotContain(DOCUMENT);
        }
    }

    private static final Pattern RECEIVED_ROW = Pattern.compile("(?m)^\"received\",\"[^\"]*\",(\\d+),");

    /** Whether the answer holds the case, as this endpoint shows a case. */
    static boolean shows(Endpoint endpoint, String body) {
        return switch (endpoint) {
            case CASE_PAGE, TASK_FORM -> body.contains(CASE_ID) && body.contains(NAME) && body.contains(DOCUMENT)
                    && body.contains(APPLICATION_ID);
            case CASE_TIMELINE -> body.contains("/cases/" + CASE_ID + "/timeline") && body.contains("data-type=");
            case MY_TASKS, PARTY_TASKS, OVERDUE_SOON_TASKS, SEARCH_CASE_ID, SEARCH_REFERENCE, SEARCH_NAME, SEARCH_DOCUMENT ->
                    body.contains("/cases/" + CASE_ID) && body.contains(NAME);
            // the cases behind a figure: their ids, linked (no names)
            case FIGURE -> body.contains("/cases/" + CASE_ID);
            case REPORT_CSV -> {
                Matcher received = RECEIVED_ROW.matcher(body);
                yield received.find() && Integer.parseInt(received.group(1)) == 1;
            }
            default -> !leaks(body).isEmpty();
        };
    }

    /**
     * The case's id, the person's name or document number in the answer, leaving out what the search form echoes of the
     * caller's own query (its fields' {@code value}).
     */
    static List<String> leaks(String body) {
        String answer = body.replaceAll("value=\"[^\"]*\"", "value=\"\"");
        List<String> found = new ArrayList<>();
        for (String value : List.of(CASE_ID, APPLICATION_ID, NAME, NATIVE_NAME, DOCUMENT)) {
            if (answer.contains(value)) {
                found.add(value);
            }
        }
        return found;
    }
}
