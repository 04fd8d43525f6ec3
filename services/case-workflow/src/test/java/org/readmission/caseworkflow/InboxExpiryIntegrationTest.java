package org.readmission.caseworkflow;

import org.readmission.testing.MongoWireTestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A command for a case that never comes is retried, then given up on visibly: EXPIRED in the inbox list, counted by
 * {@code readmission.inbox.entries{state=EXPIRED}}. The expiry is shortened to 3 s here (default P7D).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "readmission.inbox.expiry=PT3S"})
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
@DirtiesContext
@AutoConfigureObservability
@Import(InfrastructureTestModel.class)
class InboxExpiryIntegrationTest {

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;

    CaseCommands commands;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_expiry"));
        TestTokens.trust(registry);
    }

    @SuppressWarnings("rawtypes")
    private List inbox(String query, Object... variables) {
        return http.exchange("/api/v1/inbox?" + query, HttpMethod.GET,
                new HttpEntity<>(TestTokens.officer(CaseCommands.REQUESTED, "supervisor", "supervisor-1")), List.class, variables)
                .getBody();
    }

    @BeforeEach
    void connect() {
        commands = new CaseCommands(brokers);
    }

    @AfterEach
    void disconnect() {
        commands.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void commandForAMissingCaseIsRetriedThenExpiresVisibly() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.decision(caseId, ReadmissionDecisionType.REFUSED, RefusalReason.OTHER));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                !inbox("state=EXPIRED&caseId={c}", caseId).isEmpty());
        Map<String, Object> expired = (Map<String, Object>) inbox("state=EXPIRED")
                .stream().filter(e -> caseId.equals(((Map<String, Object>) e).get("caseId"))).findFirst().orElseThrow();
        assertThat(expired).containsEntry("messageName", "org.readmission.decision.submitted.v1")
                .containsEntry("requestedParty", CaseCommands.REQUESTED);
        assertThat((Integer) expired.get("attempts")).isGreaterThan(1);
        assertThat((String) expired.get("lastProblem")).contains("no process instance waiting");
        assertThat(inbox("state=PENDING&caseId={c}", caseId)).isEmpty();

        await().atMost(Duration.ofSeconds(5)).until(() ->
                meters.get("readmission.inbox.entries").tag("state", "EXPIRED").gauge().value() >= 1);
        assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("readmission_inbox_entries\\{[^}]*state=\"EXPIRED\"[^}]*} [1-9]");
    }
}
