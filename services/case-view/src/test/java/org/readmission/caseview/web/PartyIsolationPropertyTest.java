package org.readmission.caseview.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.security.SignedIn;
import org.readmission.events.partner.ProcedureType;
import org.readmission.messaging.EventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Party isolation as a property: random cases between random pairs of the parties (the party codes of the agreement's
 * configuration), projected from real events; random signed-in users (party, role). For every user, no read path of the
 * workspace — task lists, search by case id, partner reference, name and document number, the case page and its
 * timeline, the dashboard, report, CSV and the cases behind every figure — returns a case (its id anywhere in the answer,
 * or the name or document number of one of the generated persons) of which the user's party is neither the requesting
 * nor the requested party. The cases accumulate over the tries, so later tries check against many parties' cases; every
 * case id of the read model (also other tests') counts, with its parties read from the store itself.
 *
 * <p>jqwik runs beside Jupiter on the JUnit platform; the Spring context is the one the Jupiter integration tests share
 * ({@link CaseViewIntegrationTest}, from Spring's context cache), obtained through a {@link TestContextManager}.
 */
class PartyIsolationPropertyTest {

    /** From the gateway's party configuration (services/partner-gateway application.yml, {@code readmission.parties}). */
    static final List<String> PARTIES = List.of("AZ-SMS", "AZ-MIA", "AZ-MFA", "AZ-DSX", "IOM-AZ", "DE-BPOL", "NL-DTV",
            "FR-DGEF", "AT-BFA", "PL-SG");
    static final List<String> ROLES = List.of("case-officer", "supervisor", "consular-officer", "reintegration-provider",
            "auditor", "partner-system", "protection-officer", "border-officer");
    /** Shared by many cases of many parties: the name search finds cases of every party, and must return only the caller's. */
    static final List<String> SURNAMES = List.of("Məmmədov", "Əliyev", "Hüseynova");
    static final List<String> SURNAME_SEARCHES = List.of("Mamedov", "Aliyev", "Guseynova");

    enum Stage { AWAITING_DECISION, ON_HOLD, REPLY_EXPIRED }

    record CaseSpec(String requesting, String requested, int surname, Stage stage) {
    }

    record User(String party, String role) {
    }

    /** A generated case as projected: its parties and the person's identifying values. */
    record Seeded(String caseId, String applicationId, String requesting, String requested, String givenName, String document) {

        boolean visibleTo(String party) {
            return party.equals(requesting) || party.equals(requested);
        }
    }

    /** Context wiring of the Jupiter integration tests (no test of its own): the cached context is shared. */
    static class SharedContext extends CaseViewIntegrationTest {
    }

    static MockMvc mvc;
    static EventPublisher publisher;
    static CaseStore store;
    static MongoTemplate mongo;
    static final AtomicInteger counter = new AtomicInteger();
    static final List<Seeded> seeded = new ArrayList<>();
    static final AtomicInteger ownCasesSeen = new AtomicInteger();
    static final AtomicInteger foreignCasesRefused = new AtomicInteger();

    @BeforeContainer
    static void sharedContext() {
        ApplicationContext context = new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        mvc = context.getBean(MockMvc.class);
        publisher = context.getBean(EventPublisher.class);
        store = context.getBean(CaseStore.class);
        mongo = context.getBean(MongoTemplate.class);
    }

    @Provide
    Arbitrary<List<CaseSpec>> cases() {
        Arbitrary<String> party = Arbitraries.of(PARTIES);
        return Combinators.combine(party, party, Arbitraries.integers().between(0, SURNAMES.size() - 1), Arbitraries.of(Stage.class))
                .as(CaseSpec::new).filter(c -> !c.requesting().equals(c.requested())).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<User>> users() {
        return Combinators.combine(Arbitraries.of(PARTIES), Arbitraries.of(ROLES)).as(User::new).list().ofMinSize(1).ofMaxSize(3);
    }

    @Property(tries = 60)
    void noReadPathReturnsACaseOfAnotherParty(@ForAll("cases") List<CaseSpec> cases, @ForAll("users") List<User> users) throws Exception {
        List<Seeded> fresh = project(cases);
        Map<String, Set<String>> partiesOfEveryCase = partiesOfEveryCase();
        for (User user : users) {
            RequestPostProcessor signedIn = SignedIn.as("user-" + counter.incrementAndGet(), user.party(), user.role());
            for (String path : readPaths(user, fresh)) {
                MockHttpServletResponse response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
                String body = response.getContentAsString(UTF_8);
                assertThat(response.getStatus()).as("%s %s → %s", user, path, response.getStatus()).isIn(200, 404);
                assertNothingForeign(user, path, body, partiesOfEveryCase);
                if ("supervisor".equals(user.role()) && path.startsWith("/dashboard/report.csv")) {
                    for (String figure : figureLinks(body)) {
                        String page = mvc.perform(get(figure).with(signedIn)).andReturn().getResponse().getContentAsString(UTF_8);
                        assertNothingForeign(user, figure, page, partiesOfEveryCase);
                    }
                }
            }
            // the case page itself: the parties' officers get it, anyone else "not found"
            for (Seeded c : fresh) {
                for (String path : List.of("/cases/" + c.caseId(), "/cases/" + c.caseId() + "/timeline")) {
                    MockHttpServletResponse response = mvc.perform(get(path).with(signedIn)).andReturn().getResponse();
                    if (c.visibleTo(user.party())) {
                        assertThat(response.getStatus()).as("%s %s", user, path).isEqualTo(200);
                        ownCasesSeen.incrementAndGet();
                    } else {
                        assertThat(response.getStatus()).as("%s %s", user, path).isEqualTo(404);
                        foreignCasesRefused.incrementAndGet();
                    }
                    assertNothingForeign(user, path, response.getContentAsString(UTF_8), partiesOfEveryCase);
                }
                // the search by case id finds the own case (the property is not vacuous: the paths do return cases)
                String found = mvc.perform(get("/search").param("reference", c.caseId()).with(signedIn)).andReturn().getResponse()
                        .getContentAsString(UTF_8);
                assertThat(found.contains("/cases/" + c.caseId())).as("%s finds %s", user, c).isEqualTo(c.visibleTo(user.party()));
            }
        }
    }

    /** Every read path of the workspace for this user, with the queries that would find the fresh cases. */
    static List<String> readPaths(User user, List<Seeded> fresh) {
        Set<String> paths = new LinkedHashSet<>(List.of("/tasks", "/tasks?scope=party&sort=received",
                "/tasks?scope=party&window=overdue"));
        for (String surname : SURNAME_SEARCHES) {
            paths.add("/search?name=" + surname);
        }
        for (Seeded c : fresh) {
            paths.add("/search?reference=" + c.caseId());
            paths.add("/search?reference=" + c.applicationId());
            paths.add("/search?name=" + c.givenName());
            paths.add("/search?document=" + c.document().toLowerCase());
        }
        if ("supervisor".equals(user.role())) {
            paths.add("/dashboard");
            paths.add("/dashboard/report");
            paths.add("/dashboard/report.csv");
        }
        return new ArrayList<>(paths);
    }

    private static final Pattern NOT_AN_ID = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern FORM_VALUE = Pattern.compile("value=\"[^\"]*\"");
    private static final Pattern FIGURE_LINK = Pattern.compile(",(\\d+),\"(/dashboard/figures/[^\"]+)\"\\r?$", Pattern.MULTILINE);

    static void assertNothingForeign(User user, String path, String body, Map<String, Set<String>> partiesOfEveryCase) {
        // what the search form echoes of the user's own query is no answer
        String answer = FORM_VALUE.matcher(body).replaceAll("value=\"\"");
        for (String token : NOT_AN_ID.split(answer)) {
            Set<String> parties = partiesOfEveryCase.get(token);
            if (parties != null) {
                assertThat(parties).as("%s %s answered case %s", user, path, token).contains(user.party());
            }
        }
        for (Seeded c : seeded) {
            if (!c.visibleTo(user.party())) {
                assertThat(answer).as("%s %s: the person of %s", user, path, c.caseId())
                        .doesNotContain(c.givenName()).doesNotContain(c.document());
            }
        }
    }

    /** The CSV's links to the cases behind each figure that has cases (the others list none). */
    static List<String> figureLinks(String csv) {
        List<String> links = new ArrayList<>();
        Matcher m = FIGURE_LINK.matcher(csv);
        int figures = 0;
        while (m.find()) {
            figures++;
            if (Integer.parseInt(m.group(1)) > 0) {
                links.add(m.group(2));
            }
        }
        assertThat(figures).as("the CSV links every figure to its cases").isPositive();
        return links;
    }

    /** Publishes each case's events as the case workflow would and waits until the projection has them all. */
    static List<Seeded> project(List<CaseSpec> specs) {
        List<Seeded> fresh = new ArrayList<>();
        Map<String, List<String>> published = new HashMap<>();
        for (CaseSpec spec : specs) {
            int n = counter.incrementAndGet();
            String caseId = "RC-PB-" + n;
            String given = givenName(n);
            String document = "PB" + (1_000_000 + n);
            var c = CaseEventFixtures.Case.of(caseId, spec.requesting(), spec.requested());
            Instant t0 = Instant.parse("2032-01-01T08:00:00Z").plus(Duration.ofHours(n));
            List<String> ceIds = published.computeIfAbsent(caseId, k -> new ArrayList<>());
            ceIds.add(publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", given,
                    SURNAMES.get(spec.surname()), null, document)))).ceId());
            ceIds.add(publish(publisher, c, c.deadlineSet(t0, t0.plus(Duration.ofDays(15)))).ceId());
            ceIds.add(publish(publisher, c, c.verified(t0.plusSeconds(60), "P1")).ceId());
            switch (spec.stage()) {
                case ON_HOLD -> ceIds.add(publish(publisher, c, c.holdPlaced(t0.plusSeconds(120))).ceId());
                case REPLY_EXPIRED -> ceIds.add(publish(publisher, c,
                        c.expired(t0.plus(Duration.ofDays(16)), t0.plus(Duration.ofDays(15)))).ceId());
                default -> {
                }
            }
            fresh.add(new Seeded(caseId, c.applicationId(), spec.requesting(), spec.requested(), given, document));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> fresh.stream().allMatch(s ->
                store.load(s.caseId()).filter(f -> published.get(s.caseId()).stream().allMatch(f::hasApplied)).isPresent()));
        seeded.addAll(fresh);
        return fresh;
    }

    /** Every case of the read model (not only this test's) and its two parties, read from the store without scope. */
    static Map<String, Set<String>> partiesOfEveryCase() {
        Map<String, Set<String>> parties = new HashMap<>();
        for (Document row : mongo.getCollection("case_index").find()) {
            parties.put(row.getString("_id"), Set.of(row.getString("requestingParty"), row.getString("requestedParty")));
        }
        return parties;
    }

    /** A unique, pronounceable given name per case: Zu + syllables of n (letters only, so it is a name word). */
    static String givenName(int n) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder name = new StringBuilder("Zu");
        int rest = n;
        do {
            name.append(consonants.charAt(rest % consonants.length())).append(vowels.charAt((rest / consonants.length()) % vowels.length()));
            rest /= consonants.length() * vowels.length();
        } while (rest > 0);
        return name.append("x").toString();
    }
}
