package org.readmission.caseview.tasks;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.readmission.caseview.security.AccessTokens;
import org.readmission.caseview.security.Officer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The case workflow's officers' task API ({@code GET /api/v1/tasks}, {@code POST /api/v1/tasks/{id}/complete}),
 * called on the signed-in officer's behalf with their access token (token relay: case-workflow takes the party and
 * the user from it) and the officer's role as {@code ?role=}.
 */
@Component
public class TaskApi {

    /** A task as the API lists it (the fields the case view needs). */
    public record RemoteTask(String id, String caseId, String taskDefinitionKey, String assignee) {
    }

    /** A field the API rejected, and why. */
    public record FieldError(String field, String message) {
    }

    /** What completing a task came to. */
    public sealed interface Completion permits Completed, Rejected, Failed {
    }

    public record Completed() implements Completion {
    }

    /** The form was not valid: the API's errors per field. */
    public record Rejected(String detail, List<FieldError> errors) implements Completion {
    }

    /** The task could not be completed (gone, claimed by another officer, not offered to the caller, API down). */
    public record Failed(int status, String detail) implements Completion {
    }

    private final RestClient rest;
    private final ObjectMapper json;
    private final AccessTokens tokens;

    public TaskApi(TaskApiProperties properties, ObjectMapper json, AccessTokens tokens) {
        this.tokens = tokens;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.taskApiTimeout()).build());
        requests.setReadTimeout(properties.taskApiTimeout());
        this.rest = RestClient.builder().baseUrl(properties.taskApiUrl()).requestFactory(requests).build();
        this.json = json;
    }

    /**
     * The engine's open task of this kind on this case (and about this person, when given: interview and reintegration
     * tasks are one per person; {@code GET /api/v1/tasks/{id}} names the task's person), offered to the officer's
     * candidate group.
     */
    public Optional<RemoteTask> find(Officer officer, String caseId, String taskKey, String personId) {
        RemoteTask[] tasks = rest.get().uri(uri -> uri.path("/api/v1/tasks").queryParam("role", officer.role()).build())
                .headers(h -> headers(h, officer)).retrieve().body(RemoteTask[].class);
        if (tasks == null) {
            return Optional.empty();
        }
        for (RemoteTask task : tasks) {
            if (caseId.equals(task.caseId()) && taskKey.equals(task.taskDefinitionKey())
                    && (personId == null || personId.equals(personOf(officer, task.id())))) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    private String personOf(Officer officer, String taskId) {
        JsonNode detail = rest.get().uri("/api/v1/tasks/{id}?role={role}", taskId, officer.role()).headers(h -> headers(h, officer)).retrieve()
                .body(JsonNode.class);
        return detail == null || detail.path("personId").isMissingNode() || detail.path("personId").isNull() ? null
                : detail.path("personId").asText();
    }

    /** Looks the task up and completes it with the form's fields. */
    public Completion complete(Officer officer, String caseId, String taskKey, String personId, Map<String, Object> fields) {
        Optional<RemoteTask> task;
        try {
            task = find(officer, caseId, taskKey, personId);
        } catch (ResourceAccessException unreachable) {
            return new Failed(503, "the task service is not reachable");
        } catch (org.springframework.web.client.RestClientResponseException refused) {
            return new Failed(refused.getStatusCode().value(), detailOf(refused.getResponseBodyAsString()));
        } catch (org.springframework.security.oauth2.core.OAuth2AuthorizationException | IllegalStateException noToken) {
            return new Failed(401, "your sign-in has expired: sign out and sign in again");
        }
        if (task.isEmpty()) {
            return new Failed(404, "no open task " + taskKey + " of case " + caseId
                    + (personId == null ? "" : " for person " + personId) + " is offered to " + officer.candidateGroup());
        }
        try {
            return rest.post().uri("/api/v1/tasks/{id}/complete?role={role}", task.get().id(), officer.role()).headers(h -> headers(h, officer))
                    .contentType(MediaType.APPLICATION_JSON).body(fields)
                    .exchange((request, response) -> outcome(response.getStatusCode(),
                            new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (ResourceAccessException unreachable) {
            return new Failed(503, "the task service is not reachable");
        }
    }

    private Completion outcome(HttpStatusCode status, String body) {
        if (status.is2xxSuccessful()) {
            return new Completed();
        }
        if (status.value() == 422) {
            try {
                JsonNode problem = json.readTree(body);
                List<FieldError> errors = new java.util.ArrayList<>();
                problem.path("errors").forEach(e -> errors.add(new FieldError(e.path("field").asText(), e.path("message").asText())));
                return new Rejected(problem.path("detail").asText(""), errors);
            } catch (java.io.IOException e) {
                return new Rejected(body, List.of());
            }
        }
        return new Failed(status.value(), detailOf(body));
    }

    private String detailOf(String body) {
        try {
            return json.readTree(body).path("detail").asText(body);
        } catch (java.io.IOException | RuntimeException e) {
            return body;
        }
    }

    /** The officer's access token: case-workflow takes the party and the user from it, the role must be one it grants. */
    private void headers(org.springframework.http.HttpHeaders headers, Officer officer) {
        headers.setBearerAuth(tokens.current());
    }
}
