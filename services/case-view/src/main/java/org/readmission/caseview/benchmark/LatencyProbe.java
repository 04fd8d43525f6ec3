package org.readmission.caseview.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Real HTTP requests against the running service, signed in as an AZ-SMS case officer (the party that takes part in
 * almost every seeded case, so the largest lists): the task list with and without filters, the search by name in a
 * transliterated spelling, by case id and by document number. Each query is warmed up, then timed end to end
 * (request sent → whole page read) into an HdrHistogram.
 */
final class LatencyProbe {

    record Row(int cases, String query, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs, double meanKb) {
    }

    private record Query(String label, IntFunction<String> path) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final int cases;
    private final int warmup;
    private final int requests;
    private final long maxNanos;
    private final HttpClient http;
    private final Random random = new Random(7);

    LatencyProbe(String base, int cases, int warmup, int requests, int maxSeconds) {
        this.base = base;
        this.cases = cases;
        this.warmup = warmup;
        this.requests = requests;
        this.maxNanos = TimeUnit.SECONDS.toNanos(maxSeconds);
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    List<Row> measureAll(PrintStream out) {
        signIn("az-sms.officer", "demo");
        List<Query> queries = List.of(
                new Query("tasks: mine (AZ-SMS:case-officer), by due date", i -> "/tasks"),
                new Query("tasks: party, overdue, NORMAL", i -> "/tasks?scope=party&window=overdue&procedure=NORMAL"),
                new Query("tasks: party, APPROVED, own nationals, by received, page 2",
                        i -> "/tasks?scope=party&state=APPROVED&category=OWN_NATIONAL&sort=received&page=1"),
                new Query("search: name, transliterated (e.g. Mamedov)",
                        i -> "/search?name=" + encode(BenchmarkCases.TRANSLITERATED[i % BenchmarkCases.TRANSLITERATED.length])),
                new Query("search: name, given + surname (e.g. Rashad Mamedov)",
                        i -> "/search?name=" + encode("Rashad " + BenchmarkCases.TRANSLITERATED[i % BenchmarkCases.TRANSLITERATED.length])),
                new Query("search: case id", i -> "/search?reference=" + BenchmarkCases.caseId(1 + random.nextInt(cases))),
                new Query("search: document number (typed lower case)",
                        i -> "/search?document=" + BenchmarkCases.documentNumber(1 + random.nextInt(cases), 0).toLowerCase()));
        return queries.stream().map(q -> measure(q, out)).toList();
    }

    private Row measure(Query query, PrintStream out) {
        for (int i = 0; i < warmup; i++) {
            get(query.path().apply(i));
        }
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);
        long bytes = 0;
        long started = System.nanoTime();
        int i = 0;
        for (; i < requests && System.nanoTime() - started < maxNanos; i++) {
            String path = query.path().apply(warmup + i);
            long t0 = System.nanoTime();
            bytes += get(path);
            histogram.recordValue(System.nanoTime() - t0);
        }
        Row row = new Row(cases, query.label(), histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()),
                bytes / 1024.0 / Math.max(1, i));
        out.printf("  %-58s p50 %7.1f  p95 %7.1f  p99 %7.1f ms (%d requests)%n", row.query(), row.p50Ms(), row.p95Ms(),
                row.p99Ms(), row.count());
        return row;
    }

    static void printTable(PrintStream out, List<Row> rows) {
        out.printf("| %8s | %-58s | %5s | %8s | %8s | %8s | %8s | %7s |%n", "cases", "query", "n", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "page KB");
        out.printf("|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(10), "-".repeat(60), "-".repeat(7), "-".repeat(10),
                "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(9));
        for (Row r : rows) {
            out.printf("| %,8d | %-58s | %5d | %8.1f | %8.1f | %8.1f | %8.1f | %7.1f |%n", r.cases(), r.query(), r.count(),
                    r.p50Ms(), r.p95Ms(), r.p99Ms(), r.maxMs(), r.meanKb());
        }
    }

    /**
     * Signs in as an officer does, through the OIDC provider (the local stack's auth-server at
     * {@code readmission.case-view.sign-in.issuer}, which must be running): the workspace's sign-in, the provider's
     * login form, the redirects back with the code.
     */
    private void signIn(String username, String password) {
        HttpResponse<String> loginForm = follow(send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/readmission"))
                .GET().build()));
        Matcher csrf = CSRF.matcher(loginForm.body());
        if (!loginForm.uri().getPath().equals("/login") || !csrf.find()) {
            throw new IllegalStateException("the sign-in did not reach the provider's login form (is the auth-server running?): "
                    + loginForm.statusCode() + " " + loginForm.uri().getPath());
        }
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = follow(send(HttpRequest.newBuilder(loginForm.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()));
        if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(base + "/tasks")) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + signedIn.statusCode() + " " + signedIn.uri().getPath());
        }
    }

    /** Follows redirects (to the provider and back), keeping the cookies of both. */
    private HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; current.statusCode() / 100 == 3 && hops < 10; hops++) {
            URI next = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
            current = send(HttpRequest.newBuilder(next).GET().build());
        }
        return current;
    }

    private long get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response.body().length();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
