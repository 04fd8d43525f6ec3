package org.readmission.simulator.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case-workflow's officers' task API, called as a party's officer in a role would call it: with a bearer token of
 * the stack's auth-server. The seeder has one client-credentials client per party it acts for
 * ({@code seed-demo-<party>}, e.g. {@code seed-demo-az-sms}, see auth-server's application.yml), whose token names that
 * party and the task roles; each request names the role ({@code ?role=}). Tokens are kept until shortly before they
 * expire and never printed.
 */
final class TaskApi {

    /** A task as the list shows it (the fields the demo needs). */
    record Task(String id, String caseId, String taskDefinitionKey) {
    }

    /** The answer to a completion: 204, or the status and the problem's text. */
    record Completion(int status, String problem) {
        boolean done() {
            return status == 204;
        }
    }

    /** The client of a party: {@code seed-demo-az-sms} for AZ-SMS. */
    static String clientOf(String party) {
        return "seed-demo-" + party.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The secret of a party's client: {@code SEED_DEMO_<PARTY>_SECRET} (e.g. {@code SEED_DEMO_AZ_SMS_SECRET}), else the
     * public local-demo value of auth-server's application.yml ({@code local-demo-seed-demo-az-sms-secret}).
     */
    static String secretOf(String party) {
        String variable = "SEED_DEMO_" + party.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_SECRET";
        String secret = System.getenv(variable);
        return secret == null || secret.isBlank() ? "local-demo-" + clientOf(party) + "-secret" : secret;
    }

    private record Token(String value, Instant renewAfter) {
    }
    /** The case-workflow lists at most this many tasks per group (oldest first). */
    static final int LIST_LIMIT = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final String engine;
    private final String authServer;
    private final java.util.function.Function<String, String> secrets;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** {@code secrets}: the client secret of each party's client. */
    TaskApi(String engine, String authServer, java.util.function.Function<String, String> secrets) {
        this.engine = withoutSlash(engine);
        this.authServer = withoutSlash(authServer);
        this.secrets = secrets;
    }

    private static String withoutSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    List<Task> list(String party, String role) throws IOException, InterruptedException {
        HttpRequest request = officer(URI.create(engine + "/api/v1/tasks?party=" + party + "&role=" + role), party, role).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /api/v1/tasks?party=" + party + "&role=" + role + " answered " + response.statusCode());
        }
        return json.readValue(response.body(), new TypeReference<List<Task>>() { });
    }

    Completion complete(String taskId, String party, String role, Map<String, Object> form) throws IOException, InterruptedException {
        HttpRequest request = officer(URI.create(engine + "/api/v1/tasks/" + taskId + "/complete?role=" + role), party, role)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(form))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Completion(response.statusCode(), response.statusCode() == 204 ? null : detail(response.body()));
    }

    /** Fails with a message a person can act on when the case-workflow does not answer. */
    void requireReachable() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(engine + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("case-workflow at " + engine + " is not healthy (" + response.statusCode() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("case-workflow does not answer at " + engine + " (is the local stack up? deploy/local/stack up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder officer(URI uri, String party, String role) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token(party));
    }

    /** The party's client-credentials token, fetched again a minute before it expires. */
    private String token(String party) throws IOException, InterruptedException {
        Token current = tokens.get(party);
        if (current != null && Instant.now().isBefore(current.renewAfter())) {
            return current.value();
        }
        String client = clientOf(party);
        String basic = Base64.getEncoder().encodeToString((client + ":" + secrets.apply(party)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(authServer + "/oauth2/token")).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IOException("the auth-server does not answer at " + authServer + " (is the local stack up?)", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("the auth-server refused a token to " + client + " (HTTP " + response.statusCode()
                    + "): is the client in auth-server's application.yml, and its secret the same on both sides?");
        }
        Map<String, Object> answer = json.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        long lifetime = answer.get("expires_in") instanceof Number n ? n.longValue() : 300;
        Token fresh = new Token(String.valueOf(answer.get("access_token")),
                Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
        tokens.put(party, fresh);
        return fresh.value();
    }

    private String detail(String body) {
        try {
            Map<String, Object> problem = json.readValue(body, new TypeReference<Map<String, Object>>() { });
            return String.valueOf(problem.getOrDefault("detail", body));
        } catch (IOException e) {
            return body;
        }
    }
}
