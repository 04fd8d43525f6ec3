package org.readmission.caseworkflow;

import org.readmission.testing.TopicReader;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.events.identity.VerificationOutcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the integration tests share: a producer that sends as the partner gateway and identity verification do,
 * readers of the output topics, and calls of the task and inbox APIs.
 */
abstract class CaseWorkflowTestBase {

    static final String REGISTERED = "org.readmission.case.registered.v1";
    static final String FORWARDED = "org.readmission.case.application-forwarded.v1";
    static final String DEADLINE_SET = "org.readmission.case.reply-deadline-set.v1";
    static final String DEADLINE_EXTENDED = "org.readmission.case.reply-deadline-extended.v1";
    static final String DECIDED = "org.readmission.case.readmission-decided.v1";
    static final String CLOSED = "org.readmission.case.closed.v1";

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    CaseFiles caseFiles;

    CaseCommands commands;
    TopicReader caseEvents;
    TopicReader verificationRequests;

    @DynamicPropertySource
    static void trustTheTestIssuer(DynamicPropertyRegistry registry) {
        TestTokens.trust(registry);
    }

    @BeforeEach
    void connect() {
        commands = new CaseCommands(brokers);
        caseEvents = new TopicReader(brokers, Topics.CASE_EVENTS);
        verificationRequests = new TopicReader(brokers, Topics.IDENTITY_VERIFICATION_REQUESTS);
    }

    @AfterEach
    void disconnect() {
        commands.close();
        caseEvents.close();
        verificationRequests.close();
    }

    ProcessInstance awaitInstance(String caseId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count() == 1);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    }

    void verifyAll(String caseId) {
        verificationRequests.await(r -> caseId.equals(r.key()), 2);
        commands.sendVerification(CaseCommands.verified(caseId, "p1", VerificationOutcome.CONFIRMED));
        commands.sendVerification(CaseCommands.verified(caseId, "p2", VerificationOutcome.CONFIRMED));
    }

    Map<String, Object> awaitTask(String caseId, String party, String role) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> tasksOf(party, role).stream().anyMatch(t -> caseId.equals(t.get("caseId"))));
        return tasksOf(party, role).stream().filter(t -> caseId.equals(t.get("caseId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasksOf(String party, String role) {
        HttpHeaders headers = TestTokens.officer(party, role, role + "-lister");
        return http.exchange("/api/v1/tasks?party={p}&role={r}", HttpMethod.GET, new HttpEntity<>(headers), List.class,
                party, role).getBody();
    }

    /** A task action by {@code user}, an officer of {@code party} in {@code role} (their bearer token). */
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> post(String taskId, String action, String party, String role, String user, Map<String, Object> body) {
        HttpHeaders headers = TestTokens.officer(party, role, user);
        headers.add("Content-Type", "application/json");
        return http.exchange("/api/v1/tasks/{id}/" + action, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class, taskId);
    }

    /** The inbox as the requested party's supervisor sees it. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> inbox(String state, String caseId) {
        return http.exchange("/api/v1/inbox?state={s}&caseId={c}", HttpMethod.GET,
                new HttpEntity<>(TestTokens.officer("AZ-SMS", "supervisor", "supervisor-1")), List.class, state, caseId).getBody();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.header(record.headers(), name);
    }
}
