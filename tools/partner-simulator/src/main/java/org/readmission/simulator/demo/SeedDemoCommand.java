package org.readmission.simulator.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.simulator.Options;
import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.generator.Direction;
import org.readmission.simulator.generator.SubmissionFactory;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * {@code seed-demo} (issue 6): a few hundred realistic cases in every state of the readmission workflow, some of them
 * overdue, on the running local stack. Exit 0 when every case reached its planned state, 1 otherwise.
 */
public final class SeedDemoCommand {

    public static final String USAGE = "seed-demo [--bootstrap 127.0.0.1:9092] [--gateway http://127.0.0.1:8081]"
            + " [--engine http://127.0.0.1:8082] [--auth-server http://127.0.0.1:9000] [--cases 300] [--seed 1] [--timeout 15m]"
            + " [--poll-every 3s]   (env SEED_DEMO_<PARTY>_SECRET, e.g. SEED_DEMO_AZ_SMS_SECRET: the secrets of the"
            + " auth-server's seed-demo-<party> clients; default their public local-demo values)";

    record SeedOptions(String bootstrap, String gateway, String engine, String authServer, int cases, long seed,
                       Duration timeout, Duration pollEvery) {

        static SeedOptions from(Options options) {
            SeedOptions parsed = new SeedOptions(options.text("bootstrap", "127.0.0.1:9092"),
                    options.text("gateway", "http://127.0.0.1:8081"), options.text("engine", "http://127.0.0.1:8082"),
                    options.text("auth-server", "http://127.0.0.1:9000"),
                    options.integer("cases", 300), options.number("seed", 1), options.duration("timeout", Duration.ofMinutes(15)),
                    options.duration("poll-every", Duration.ofSeconds(3)));
            options.requireAllUsed();
            if (parsed.cases < 1) {
                throw new IllegalArgumentException("--cases must be at least 1");
            }
            return parsed;
        }
    }

    private SeedDemoCommand() {
    }

    public static int run(Options options, PrintStream out) throws InterruptedException {
        SeedOptions o = SeedOptions.from(options);
        Instant now = Instant.now();
        String runTag = ApplicationGenerator.runTagOf(now);
        DemoPlan plan = DemoPlan.of(o.cases(), o.seed());
        List<DemoCase> cases = applications(plan, new ApplicationGenerator(o.seed(), runTag, now));

        KafkaSettings kafka = new KafkaSettings(o.bootstrap());
        kafka.requireReachable(Duration.ofSeconds(10));
        requireHealthy("partner-gateway", o.gateway());
        TaskApi tasks = new TaskApi(o.engine(), o.authServer(), TaskApi::secretOf);
        tasks.requireReachable();

        long bypassing = cases.stream().filter(c -> c.target().bypassesGateway()).count();
        out.printf(Locale.ROOT, "Seeding a demo: %d cases, seed %d, run %s (application ids ...-%s-nnnnn)%n", o.cases(), o.seed(),
                runTag, runTag);
        out.printf(Locale.ROOT, "  %d cases BYPASS THE GATEWAY: their OpenReadmissionCase command goes straight to"
                + " readmission.case-commands (ce_source %s) with a receipt 12-37 days in the past, so that their reply"
                + " time limit has passed or passes soon. The gateway has no record of them.%n", bypassing, DemoMessages.BYPASS_SOURCE);
        DemoDriver driver = new DemoDriver(cases, new DemoMessages(runTag), tasks, out);
        driver.run(kafka, new SubmissionFactory(runTag), o.timeout(), o.pollEvery());
        print(out, plan, cases, driver);
        return driver.reached() == cases.size() ? 0 : 1;
    }

    /** The application of every planned case; the bypassing ones are dated back to their receipt. */
    static List<DemoCase> applications(DemoPlan plan, ApplicationGenerator generator) {
        List<DemoCase> cases = new ArrayList<>();
        for (DemoPlan.PlannedCase planned : plan.cases()) {
            Direction direction = generator.randomDirection();
            ReadmissionApplicationSubmitted application;
            if (planned.target().bypassesGateway()) {
                Instant receivedAt = generator.now().minus(planned.receivedDaysAgo(), ChronoUnit.DAYS);
                application = ReadmissionApplicationSubmitted.newBuilder(generator.next(direction, ProcedureType.NORMAL))
                        .setSubmittedAt(receivedAt.minus(Duration.ofHours(3))).setApprehension(null).build();
            } else {
                application = generator.next(direction);
            }
            cases.add(new DemoCase(planned, application));
        }
        return cases;
    }

    private static void print(PrintStream out, DemoPlan plan, List<DemoCase> cases, DemoDriver driver) {
        out.println();
        out.printf(Locale.ROOT, "%-27s %8s %8s  %s%n", "state", "planned", "reached", "meaning");
        Map<DemoState, Integer> planned = plan.counts();
        for (DemoState state : DemoState.values()) {
            long reached = cases.stream().filter(c -> c.target() == state && c.reached()).count();
            out.printf(Locale.ROOT, "%-27s %8d %8d  %s%s%n", state, planned.get(state), reached, state.meaning(),
                    state.bypassesGateway() ? " [bypasses the gateway]" : "");
        }
        out.printf(Locale.ROOT, "%-27s %8d %8d%n", "total", cases.size(), driver.reached());
        List<DemoCase> missing = cases.stream().filter(c -> !c.reached()).toList();
        if (!missing.isEmpty()) {
            out.println();
            out.println("Not in their planned state yet (the case-workflow goes on; run again or look in Cockpit):");
            missing.stream().limit(25).forEach(c -> out.printf(Locale.ROOT, "  %s %s planned %s, at %s%n",
                    c.caseId() == null ? "(no case id)" : c.caseId(), c.applicationId(), c.target(), c.where()));
            if (missing.size() > 25) {
                out.printf(Locale.ROOT, "  ... and %d more%n", missing.size() - 25);
            }
        }
        if (!driver.rejections().isEmpty()) {
            out.println("Rejected by the gateway: ");
            driver.rejections().forEach((what, n) -> out.printf(Locale.ROOT, "  %4d %s%n", n.get(), what));
        }
        if (!driver.problems().isEmpty()) {
            out.println("Problems: ");
            driver.problems().forEach((what, n) -> out.printf(Locale.ROOT, "  %4d %s%n", n.get(), what));
        }
    }

    private static void requireHealthy(String name, String base) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " at " + base + " is not healthy (" + response.statusCode() + ")");
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(name + " does not answer at " + base + " (is the local stack up? deploy/local/stack up)", e);
        }
    }
}
