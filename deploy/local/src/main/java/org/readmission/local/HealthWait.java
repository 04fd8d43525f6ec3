package org.readmission.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

/** Waits until a part of the stack is healthy, and the health checks themselves. */
public final class HealthWait {

    /** A health check; {@link #check()} returns true when healthy and must not block for long. */
    public interface Check extends AutoCloseable {
        boolean check() throws Exception;

        /** What the check looks at, e.g. {@code http://127.0.0.1:8081/actuator/health}. */
        String describe();

        @Override
        default void close() {
        }
    }

    public enum Outcome { READY, DIED, TIMED_OUT }

    public record Result(Outcome outcome, Duration waited, Integer exitCode, String lastProblem) {
        public boolean ready() {
            return outcome == Outcome.READY;
        }
    }

    private static final Duration POLL = Duration.ofMillis(250);

    private HealthWait() {
    }

    /**
     * Polls {@code check} until it passes, the process dies, or {@code timeout} has passed since the
     * process was started.
     */
    public static Result await(ManagedProcess process, Check check, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.minus(process.age()).toNanos();
        String lastProblem = null;
        try (check) {
            while (true) {
                if (!process.isAlive()) {
                    return new Result(Outcome.DIED, since(start), exitCode(process), lastProblem);
                }
                try {
                    if (check.check()) {
                        return new Result(Outcome.READY, since(start), null, null);
                    }
                } catch (Exception e) {
                    lastProblem = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (System.nanoTime() > deadline) {
                    return new Result(Outcome.TIMED_OUT, since(start), null, lastProblem);
                }
                try {
                    if (process.process().waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                        return new Result(Outcome.DIED, since(start), exitCode(process), lastProblem);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(Outcome.TIMED_OUT, since(start), null, "interrupted");
                }
            }
        }
    }

    private static Integer exitCode(ManagedProcess process) {
        try {
            return process.process().waitFor(2, TimeUnit.SECONDS) ? process.process().exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Healthy when a TCP connection to {@code host:port} succeeds. */
    public static Check tcp(String host, int port) {
        return new Check() {
            @Override
            public boolean check() {
                return Ports.canConnect(host, port, 500);
            }

            @Override
            public String describe() {
                return "tcp://" + host + ":" + port;
            }
        };
    }

    /** Healthy when GET {@code url} answers 200 with a body containing {@code "UP"}. */
    public static Check http(URI url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        return new Check() {
            @Override
            public boolean check() throws Exception {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return true;
                }
                throw new IllegalStateException("HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }

            @Override
            public String describe() {
                return url.toString();
            }
        };
    }

    /**
     * Healthy when the Kafka AdminClient's describeCluster succeeds and lists at least one broker.
     * The AdminClient is only created once the port accepts connections, so that a broker that is
     * still starting does not fill the console with connection warnings.
     */
    public static Check kafka(String host, int port) {
        return kafka(host, port, Map.of());
    }

    /** As {@link #kafka(String, int)}, with extra client config (e.g. SASL). */
    public static Check kafka(String host, int port, Map<String, Object> clientConfig) {
        String bootstrap = host + ":" + port;
        return new Check() {
            private Admin admin;

            @Override
            public boolean check() throws Exception {
                if (admin == null) {
                    if (!Ports.canConnect(host, port, 500)) {
                        return false;
                    }
                    admin = TopicSetup.admin(bootstrap, clientConfig);
                }
                DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                return !cluster.nodes().get(4, TimeUnit.SECONDS).isEmpty();
            }

            @Override
            public String describe() {
                return "kafka describeCluster " + bootstrap;
            }

            @Override
            public void close() {
                if (admin != null) {
                    admin.close(Duration.ofSeconds(2));
                }
            }
        };
    }

    private static String abbreviate(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    static Map<String, Object> adminConfig(String bootstrap) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    }
}
