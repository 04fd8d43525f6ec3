package org.readmission.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeder calls the task API as its party's client of the auth-server: a client-credentials token per party
 * (HTTP Basic with that client's secret), reused while valid, sent as a bearer token with the role named.
 */
class TaskApiTest {

    HttpServer server;
    String base;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensIssued = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", exchange -> {
            String basic = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    "seed-demo-az-sms:local-demo-seed-demo-az-sms-secret".getBytes(StandardCharsets.UTF_8));
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!expected.equals(basic) || !form.equals("grant_type=client_credentials")) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":599}");
        });
        server.createContext("/api/v1/tasks", exchange -> {
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, "[{\"id\":\"t-1\",\"caseId\":\"RC-1\",\"taskDefinitionKey\":\"UserTask_DecideOnApplication\"}]");
            } else {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void callsTheTaskApiWithThePartysClientCredentialsTokenAndTheRole() throws Exception {
        TaskApi api = new TaskApi(base, base, TaskApi::secretOf);

        assertThat(api.list("AZ-SMS", "case-officer")).extracting(TaskApi.Task::id).containsExactly("t-1");
        assertThat(api.complete("t-1", "AZ-SMS", "case-officer", Map.of("decision", "APPROVED")).done()).isTrue();

        assertThat(calls).containsExactly(
                "GET /api/v1/tasks?party=AZ-SMS&role=case-officer Bearer token-1",
                "POST /api/v1/tasks/t-1/complete?role=case-officer Bearer token-1");
        assertThat(tokensIssued).hasValue(1);
    }

    @Test
    void aPartyWithoutItsClientIsReportedNotCalledWithoutToken() {
        TaskApi api = new TaskApi(base, base, TaskApi::secretOf);

        assertThatThrownBy(() -> api.list("DE-BPOL", "case-officer")).isInstanceOf(IOException.class)
                .hasMessageContaining("seed-demo-de-bpol").hasMessageContaining("401");
        assertThat(calls).isEmpty();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
