package org.readmission.caseview.benchmark;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar case-view.jar --readmission.case-view.benchmark=5000,50000}: for each size, drops the read model,
 * seeds that many cases through {@link CaseStore#insertAll}, signs in over HTTP and measures the task list and the
 * search against the running service ({@link LatencyProbe}); prints the machine and a table, then exits with 0 when
 * every query's p95 at the gate size (5,000) is under the gate (300 ms), 1 otherwise.
 */
@Component
@ConditionalOnProperty(name = "readmission.case-view.benchmark")
class BenchmarkCommand implements ApplicationRunner {

    private static final int BATCH = 1000;

    private final CaseStore store;
    private final Clock clock;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    @Value("${readmission.case-view.benchmark}") String sizes;
    @Value("${readmission.case-view.benchmark-store:}") String storeName;
    @Value("${readmission.case-view.benchmark-warmup:100}") int warmup;
    @Value("${readmission.case-view.benchmark-requests:300}") int requests;
    @Value("${readmission.case-view.benchmark-max-seconds:60}") int maxSeconds;
    @Value("${readmission.case-view.benchmark-gate-size:5000}") int gateSize;
    @Value("${readmission.case-view.benchmark-gate-ms:300}") int gateMs;

    BenchmarkCommand(CaseStore store, Clock clock, Environment environment, ConfigurableApplicationContext context) {
        this.store = store;
        this.clock = clock;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        PrintStream out = System.out;
        MachineInfo.print(out, storeName);
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        List<LatencyProbe.Row> rows = new ArrayList<>();
        boolean gatePassed = true;
        for (int size : Arrays.stream(sizes.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray()) {
            long seeding = seed(size);
            out.printf("%n%,d cases seeded in %.1f s (%,d cases/s); measuring %d requests per query after %d warm-up requests%n",
                    size, seeding / 1e3, size * 1000L / Math.max(1, seeding), requests, warmup);
            LatencyProbe probe = new LatencyProbe("http://127.0.0.1:" + port, size, warmup, requests, maxSeconds);
            List<LatencyProbe.Row> measured = probe.measureAll(out);
            rows.addAll(measured);
            if (size == gateSize) {
                gatePassed = measured.stream().allMatch(r -> r.p95Ms() < gateMs);
            }
        }
        out.println();
        LatencyProbe.printTable(out, rows);
        out.printf("%ngate: p95 < %d ms for every query at %,d cases: %s%n", gateMs, gateSize, gatePassed ? "PASSED" : "FAILED");
        int code = gatePassed ? 0 : 1;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private long seed(int size) {
        long started = System.nanoTime();
        store.dropAll();
        BenchmarkCases cases = new BenchmarkCases(42, clock.instant());
        List<CaseFile> batch = new ArrayList<>(BATCH);
        for (int n = 1; n <= size; n++) {
            batch.add(cases.next(n));
            if (batch.size() == BATCH || n == size) {
                store.insertAll(batch);
                batch.clear();
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
