package org.readmission.caseview.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.messaging.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.readmission.testsignin.TestAuthorizationServer;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The workspace in headless Chromium, on the running service fed by real events on an embedded broker. Officers
 * sign in through a real OIDC provider ({@link TestAuthorizationServer}: its login page, authorization code with
 * PKCE). The task API is a recording HTTP server started here that checks the relayed access token (it stands in for case-workflow; the end-to-end flow through the
 * real engine is the system test of deploy/local). Writes screenshots to target/screenshots/.
 */
class WorkspaceBrowserTest extends CaseViewIntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> taskApiCalls = new CopyOnWriteArrayList<>();
    static HttpServer taskApi;

    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @LocalServerPort int port;
    final TestAuthorizationServer authorizationServer = TestAuthorizationServer.shared();
    WebDriver browser;
    Path profile;

    @DynamicPropertySource
    static void taskApi(DynamicPropertyRegistry registry) throws Exception {
        taskApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        taskApi.createContext("/api/v1/tasks", exchange -> {
            // the officer's access token, relayed by case-view: checked here against the provider's keys
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String caller;
            try {
                Jwt token = relayedTokens().decode(authorization.substring("Bearer ".length()));
                caller = "party=" + token.getClaimAsString("party") + " roles=" + token.getClaimAsStringList("roles")
                        + " sub=" + token.getSubject() + " aud=" + token.getAudience();
            } catch (RuntimeException invalid) {
                caller = "no valid bearer token";
            }
            String call = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + caller
                    + " body=" + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            taskApiCalls.add(call);
            if ("GET".equals(exchange.getRequestMethod())) {
                byte[] body = ("[{\"id\":\"task-77\",\"caseId\":\"RC-B-1\",\"name\":\"Decide\",\"taskDefinitionKey\":\"UserTask_DecideOnApplication\","
                        + "\"candidateGroups\":[\"AZ-SMS:case-officer\"],\"assignee\":null,\"overdue\":true}]").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        taskApi.start();
        registry.add("readmission.case-view.task-api-url", () -> "http://127.0.0.1:" + taskApi.getAddress().getPort());
    }

    @AfterAll
    static void stopTaskApi() {
        taskApi.stop(0);
    }

    static JwtDecoder relayedTokens() {
        return NimbusJwtDecoder.withJwkSetUri(TestAuthorizationServer.shared().jwkSetUri()).build();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        authorizationServer.workspaceAt(url(""));
        assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "Debian's chromium and chromium-driver are not installed");
        profile = Files.createTempDirectory("case-view-chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officersWorkTheirTasksSupervisorsSeeComplianceAndOtherPartiesSeeNothing() throws Exception {
        Instant now = Instant.now();
        var overdue = CaseEventFixtures.Case.of("RC-B-1", "DE-BPOL", "AZ-SMS");
        publish(publisher, overdue, overdue.forwarded(now.minus(Duration.ofDays(20)), ProcedureType.NORMAL,
                List.of(person("P1", "Rəşad", "Məmmədov", "Рашад Мамедов", "C9988776"))));
        publish(publisher, overdue, overdue.deadlineSet(now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(5))));
        publish(publisher, overdue, overdue.verified(now.minus(Duration.ofDays(19)), "P1"));
        var second = CaseEventFixtures.Case.of("RC-B-2", "DE-BPOL", "AZ-SMS");
        publish(publisher, second, second.forwarded(now.minus(Duration.ofDays(2)), ProcedureType.NORMAL,
                List.of(person("P1", "Leyla", "Hüseynova", null, "C5544332"))));
        publish(publisher, second, second.deadlineSet(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(13))));
        publish(publisher, second, second.verified(now.minus(Duration.ofDays(1)), "P1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.load("RC-B-2").map(f -> f.openTasks().size() == 1).orElse(false)
                && store.load("RC-B-1").map(f -> f.openTasks().size() == 1).orElse(false));

        // signed out, a page leads to the sign-in page; a wrong password stays on the provider's login form
        browser.get(url("/tasks"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(url("/login")));
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(authorizationServer.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys("az-sms.officer");
        browser.findElement(By.id("password")).sendKeys("guessed");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(authorizationServer.issuer() + "/login?error"));

        signIn("az-sms.officer");
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains("AZ SMS case officer").contains("AZ-SMS");
        var row = browser.findElement(By.cssSelector("#task-list tr[data-case='RC-B-1']"));
        assertThat(row.getAttribute("class")).contains("overdue");
        assertThat(browser.findElement(By.cssSelector("#task-list tr[data-case='RC-B-2']")).getAttribute("class")).doesNotContain("overdue");
        screenshot("tasks");
        assertAccessible("tasks");

        row.findElement(By.linkText("RC-B-1")).click();
        assertThat(browser.findElement(By.id("persons")).getText()).contains("Rəşad Məmmədov").contains("C9988776");
        assertThat(browser.findElement(By.id("deadlines")).getText()).contains("REPLY").contains("15 calendar days");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("Application forwarded");
        assertThat(browser.findElements(By.cssSelector("svg.diagram [data-current='UserTask_DecideOnApplication']"))).isNotEmpty();
        screenshot("case");
        assertAccessible("case");
        assertThat(reachedByTab(By.cssSelector("#decide-form button[type=submit]"))).as("the decide button is reached by Tab").isTrue();

        browser.findElement(By.id("decision-APPROVED")).click();
        browser.findElement(By.id("decide-motivation")).sendKeys("nationality proven by passport");
        browser.findElement(By.cssSelector("#decide-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Sent");
        assertThat(taskApiCalls).anySatisfy(call -> assertThat(call).startsWith("POST /api/v1/tasks/task-77/complete")
                .contains("?role=case-officer").contains("party=AZ-SMS roles=[case-officer] sub=az-sms.officer")
                .contains("case-workflow").contains("\"decision\":\"APPROVED\""));
        assertThat(taskApiCalls).noneSatisfy(call -> assertThat(call).contains("no valid bearer token"));

        publish(publisher, overdue, overdue.decided(now, ReadmissionDecisionType.APPROVED, "P1"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !browser.findElements(By.cssSelector("#timeline tr[data-type='case.readmission-decided']")).isEmpty());

        signOut();
        signIn("az-sms.supervisor");
        browser.get(url("/dashboard"));
        long decidedBefore = figure("decided:NORMAL");
        screenshot("dashboard");
        assertAccessible("dashboard");
        publish(publisher, second, second.decided(now, ReadmissionDecisionType.APPROVED, "P1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            browser.navigate().refresh();
            return figure("decided:NORMAL") == decidedBefore + 1;
        });
        browser.get(url("/dashboard/report"));
        assertThat(browser.findElement(By.cssSelector("[data-figure='received'] a")).getText()).isNotBlank();
        screenshot("report");
        assertAccessible("report");

        signOut();
        signIn("nl-dtv.officer");
        browser.get(url("/tasks?scope=party"));
        assertThat(browser.getPageSource()).doesNotContain("RC-B-1");
        browser.get(url("/search?reference=RC-B-1"));
        assertAccessible("search");
        assertThat(browser.findElements(By.linkText("RC-B-1"))).isEmpty();
        browser.get(url("/cases/RC-B-1"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("Məmmədov");

        browser.get(url("/tasks?lang=az"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Mənim tapşırıqlarım");
    }

    /** One h1, a lang attribute, a label for every form control (WCAG 2.1: 1.3.1, 2.4.6, 3.1.1, 4.1.2). */
    private void assertAccessible(String page) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const problems = [];
                if (!document.documentElement.lang) problems.push('no lang attribute');
                const h1 = document.querySelectorAll('h1').length;
                if (h1 !== 1) problems.push(h1 + ' h1 elements');
                for (const el of document.querySelectorAll('input, select, textarea')) {
                  if (['hidden', 'submit', 'button', 'reset'].includes(el.type)) continue;
                  const labelled = (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]'))
                      || el.closest('label') || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
                  if (!labelled) problems.push('no label: ' + el.tagName.toLowerCase() + ' ' + (el.name || el.id));
                }
                return problems;""");
        assertThat(problems).as("accessibility of the %s page", page).isEmpty();
    }

    /** Whether pressing Tab from the top of the page reaches the element (within 150 presses). */
    private boolean reachedByTab(By target) {
        org.openqa.selenium.WebElement wanted = browser.findElement(target);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        for (int i = 0; i < 150; i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            if (wanted.equals(browser.switchTo().activeElement())) {
                return true;
            }
        }
        return false;
    }

    private long figure(String id) {
        assertThat(browser.findElements(By.cssSelector("[data-figure='" + id + "'] a")))
                .as("figure %s on %s (page title: %s)", id, browser.getCurrentUrl(), browser.getTitle()).isNotEmpty();
        return Long.parseLong(browser.findElement(By.cssSelector("[data-figure='" + id + "'] a")).getText());
    }

    /** Signs in as a real officer does: the workspace's sign-in button, then the provider's login form. */
    private void signIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("sign-in")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(authorizationServer.issuer() + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the sign-in's redirects must have landed before the next page is asked for, or they overtake that page
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(url("/tasks"))
                && !browser.findElements(By.cssSelector("header form button")).isEmpty());
    }

    /** Signs out of the workspace and of the provider (RP-initiated logout), back on the workspace's sign-in page. */
    private void signOut() {
        browser.findElement(By.cssSelector("header form button")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().startsWith(url("/login?signedOut")));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    }
}
