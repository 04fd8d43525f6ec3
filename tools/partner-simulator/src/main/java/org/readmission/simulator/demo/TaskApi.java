package org.readmission.simulator.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case-workflow's officers' task API, called as an officer of a party in a role would call it (headers
 * {@code X-Party-Code}, {@code X-Role}, {@code X-User}).
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

    static final String USER = "demo-seeder";
    /** The case-workflow lists at most this many tasks per group (oldest first). */
    static final int LIST_LIMIT = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final String engine;

    TaskApi(String engine) {
        this.engine = engine.endsWith("/") ? engine.substring(0, engine.length() - 1) : engine;
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
        HttpRequest request = officer(URI.create(engine + "/api/v1/tasks/" + taskId + "/complete"), party, role)
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

    private HttpRequest.Builder officer(URI uri, String party, String role) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("X-Party-Code", party).header("X-Role", role).header("X-User", USER);
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
