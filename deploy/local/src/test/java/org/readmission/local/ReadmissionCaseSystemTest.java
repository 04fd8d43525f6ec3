package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.events.Topics;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;

/**
 * The whole system on this machine, each part its own process: a real KRaft broker, the MongoDB-wire store (H2 file),
 * partner-gateway and case-workflow from their fat jars, everything on free ports of 127.0.0.1.
 *
 * <p>One case, start to decision: DE-BPOL submits an application over Kafka → the gateway acknowledges it with a case
 * id → the case waits at identity verification → case-workflow is killed (SIGKILL) and the verification results
 * arrive while it is down → it is started again on the same engine database and Mongo database → the case reaches
 * the decision task → AZ-SMS's officer decides through the task API → both parties hear of the case on their
 * notification topics in order and once each.
 *
 * <p>The steps share the running system and the case, so they run in order; a step whose predecessor failed is
 * skipped (assumption), not failed again. Logs: {@code deploy/local/target/system-test/*.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadmissionCaseSystemTest {

    private static final Path LOGS = Path.of("target/system-test");

    /** The requested party's case officer, signed in at the stack's auth-server (the token's sub). */
    private static final String OFFICER = "az-sms.officer";
    private static final String DECIDE_TASK = "UserTask_DecideOnApplication";
    private static final String AWAIT_VERIFICATION = "ReceiveTask_AwaitVerificationResult";

    private static final String FORWARDED = "org.readmission.case.application-forwarded.v1";
    private static final String DEADLINE_SET = "org.readmission.case.reply-deadline-set.v1";
    private static final String DECIDED = "org.readmission.case.readmission-decided.v1";

    private static final String REQUESTING_TOPIC = Topics.partnerNotifications(TwoPersonApplication.REQUESTING);
    private static final String REQUESTED_TOPIC = Topics.partnerNotifications(TwoPersonApplication.REQUESTED);

    @TempDir
    static Path data;

    private static volatile boolean failed;

    private StackUnderTest stack;
    private StackTokens tokens;
    private TopicRecorder recorder;

    // what the steps hand on to each other
    private String caseId;
    private List<IdentityVerificationRequested> verificationRequests;
    private String decisionTaskId;
    private boolean decided;

    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    void startTheSystem() throws Exception {
        List<StackUnderTest.Service> services = List.of(
                StackUnderTest.Service.authServer(data.resolve("auth-server"), false),
                StackUnderTest.Service.of("partner-gateway"), StackUnderTest.Service.of(
                "case-workflow",
                "--readmission.data-dir=" + data.resolve("case-workflow").toAbsolutePath(), // H2 refuses implicitly relative paths
                StackUnderTest.TRUST_THE_AUTH_SERVER,
                // a SIGKILLed consumer never leaves its group: let the broker forget it after 6 s instead of 45 s,
                // so that the restarted service gets its partitions at once
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1500"));
        assumeTrue(StackUnderTest.missingJars(services).isEmpty(), "the service jars are missing ("
                + StackUnderTest.missingJars(services) + "): build them first with "
                + "'./mvnw -B -ntp install -DskipTests -pl services/auth-server,services/partner-gateway,services/case-workflow -am' "
                + "from the repository root, or run './mvnw -B -ntp -pl deploy/local -am verify'");
        stack = new StackUnderTest(data, LOGS, StackUnderTest.Store.H2_FILE);
        try {
            stack.start(services);
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
        tokens = stack.tokens();
        // the gateway has created the parties' notification topics by the time it is healthy
        recorder = stack.record(List.of(REQUESTING_TOPIC, REQUESTED_TOPIC, Topics.CASE_EVENTS,
                Topics.IDENTITY_VERIFICATION_REQUESTS));
    }

    @AfterAll
    void stopTheSystem() {
        if (stack != null) {
            if (failed) {
                stack.printLogTails(60);
            }
            stack.close(); // services, then the store, then the broker; each SIGTERM, then SIGKILL after the grace period
        }
    }

    @Test
    @Order(1)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPartnersApplicationIsAcknowledgedWithACaseThatWaitsForIdentityVerificationOfEachPerson() {
        String applicationId = "DE-BPOL-2025-" + UUID.randomUUID().toString().substring(0, 8);
        ReadmissionApplicationSubmitted application = TwoPersonApplication.of(applicationId);
        String submissionId = UUID.randomUUID().toString();
        send(Topics.PARTNER_SUBMISSIONS, applicationId, application, submissionId, TwoPersonApplication.REQUESTING, null);

        SubmissionAcknowledged ack = await("the gateway's answer to submission " + submissionId)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> answerTo(submissionId), Optional::isPresent).orElseThrow();
        assertThat(ack.getApplicationId()).isEqualTo(applicationId);
        assertThat(ack.getCaseId()).as("the acknowledgement names the case").isNotNull();
        caseId = ack.getCaseId().getValue();
        assertThat(caseId).startsWith("RC-");

        // one verification request per person, each once
        List<IdentityVerificationRequested> requests = await("a verification request per person of " + caseId)
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> decoded(Topics.IDENTITY_VERIFICATION_REQUESTS, IdentityVerificationRequested.class),
                        list -> list.size() >= TwoPersonApplication.PERSON_IDS.size());
        assertThat(requests).extracting(IdentityVerificationRequested::getPersonId)
                .containsExactlyInAnyOrderElementsOf(TwoPersonApplication.PERSON_IDS);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.getCaseRef().getRequestingParty().getValue()).isEqualTo(TwoPersonApplication.REQUESTING);
            assertThat(request.getCaseRef().getRequestedParty().getValue()).isEqualTo(TwoPersonApplication.REQUESTED);
        });
        verificationRequests = requests;

        // and the engine is at rest there: both persons wait for their result, no job is left to run
        awaitCaseRestsAtVerification();
    }

    @Test
    @Order(2)
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void verificationResultsThatArriveWhileCaseWorkflowIsDownAreTakenUpAfterItsRestart() throws Exception {
        assumeTrue(verificationRequests != null, "needs the waiting case of the previous step");

        // SIGKILL: no shutdown hook, no orderly close of H2, Kafka or Mongo
        assertThat(stack.kill("case-workflow")).as("exit code of SIGKILL").isEqualTo(137);

        // the identity service answers while case-workflow is down
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> resultIds = new ArrayList<>();
        for (IdentityVerificationRequested request : verificationRequests) {
            IdentityVerificationCompleted result = IdentityVerificationCompleted.newBuilder()
                    .setCaseRef(request.getCaseRef())
                    .setOccurredAt(now)
                    .setPersonId(request.getPersonId())
                    .setOutcome(VerificationOutcome.CONFIRMED)
                    .setReasons(List.of("passport number found in the civil registry"))
                    .setEvidenceClass(AnnexClass.PROOF)
                    .setFingerprintScoreBand(null)
                    .setCompletedAt(now)
                    .build();
            String resultId = UUID.randomUUID().toString();
            send(Topics.IDENTITY_VERIFICATION_RESULTS, caseId, result, resultId, "identity-verification", caseId);
            resultIds.add(resultId);
        }

        stack.restart("case-workflow"); // same engine data dir, same Mongo database

        JsonNode task = await("the decision task of " + caseId + " in AZ-SMS's case officers' list")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(this::decisionTask, Optional::isPresent).orElseThrow();
        assertThat(task.path("candidateGroups").toString()).contains("AZ-SMS:case-officer");
        assertThat(task.path("assignee").isNull()).as("nobody has it yet").isTrue();
        decisionTaskId = task.path("id").asText();

        // the restarted service took both results through its inbox into the process; nothing is left waiting
        HttpJson inbox = HttpJson.bearer(stack.url("case-workflow"), tokens.of("az-sms.supervisor"));
        JsonNode correlated = inbox.get("/api/v1/inbox?state=CORRELATED&caseId=" + caseId).json();
        List<String> correlatedIds = new ArrayList<>();
        correlated.forEach(entry -> correlatedIds.add(entry.path("ceId").asText()));
        assertThat(correlatedIds).as("correlated inbox entries of %s", caseId).containsAll(resultIds);
        assertThat(inbox.get("/api/v1/inbox?state=PENDING&caseId=" + caseId).json()).as("pending inbox entries").isEmpty();
    }

    @Test
    @Order(3)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theRequestedPartysOfficerDecidesThroughTheTaskApiAndAnInvalidFormIsRefused() {
        assumeTrue(decisionTaskId != null, "needs the decision task of the previous step");
        HttpJson officer = officer();
        String task = "/api/v1/tasks/" + decisionTaskId;

        HttpJson.Response claim = officer.post(task + "/claim", null);
        assertThat(claim.status()).as("claim: %s", claim).isEqualTo(200);
        assertThat(claim.json().path("assignee").asText()).isEqualTo(OFFICER);

        HttpJson.Response invalid = officer.post(task + "/complete", Map.of("decision", "REFUSED"));
        assertThat(invalid.status()).as("a refusal without reasons: %s", invalid).isEqualTo(422);
        assertThat(invalid.body()).contains("refusalReasons");

        HttpJson.Response complete = officer.post(task + "/complete", Map.of(
                "decision", "APPROVED",
                "motivation", "Both persons identified as nationals of Azerbaijan (passport, identity card)."));
        assertThat(complete.status()).as("complete: %s", complete).isEqualTo(204);
        decided = true;

        await("the decision task is done").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> decisionTask().isEmpty());
    }

    @Test
    @Order(4)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void bothPartiesHearOfTheCaseInOrderAndOnceEachDespiteTheCrash() {
        assumeTrue(decided, "needs the decision of the previous step");

        await("the decision on both parties' notification topics").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> types(REQUESTING_TOPIC).contains(DECIDED) && types(REQUESTED_TOPIC).contains(DECIDED));
        // whatever a redelivery would add comes within moments; give it two seconds to show up
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);

        List<String> requesting = types(REQUESTING_TOPIC);
        assertThat(requesting).as("DE-BPOL's case events, in order").containsSubsequence(DEADLINE_SET, DECIDED)
                .doesNotContain(FORWARDED);
        assertThat(requesting).as("each once").containsOnlyOnce(DEADLINE_SET, DECIDED);

        List<String> requested = types(REQUESTED_TOPIC);
        assertThat(requested).as("AZ-SMS's case events, in order").containsSubsequence(FORWARDED, DEADLINE_SET, DECIDED);
        assertThat(requested).as("each once").containsOnlyOnce(FORWARDED, DEADLINE_SET, DECIDED);

        for (String topic : List.of(REQUESTING_TOPIC, REQUESTED_TOPIC, Topics.CASE_EVENTS)) {
            assertThat(recorder.records(topic, caseId)).extracting(TopicRecorder::ceId)
                    .as("ce_ids of %s on %s", caseId, topic).doesNotContainNull().doesNotHaveDuplicates();
        }
        assertThat(recorder.records(Topics.CASE_EVENTS, caseId)).extracting(TopicRecorder::ceType)
                .containsSubsequence(FORWARDED, DEADLINE_SET, DECIDED);

        for (String topic : List.of(REQUESTING_TOPIC, REQUESTED_TOPIC)) {
            List<ReadmissionDecided> decisions = decoded(topic, ReadmissionDecided.class);
            assertThat(decisions).as("the decision on %s", topic).singleElement().satisfies(decision -> {
                assertThat(decision.getDecision()).isEqualTo(ReadmissionDecisionType.APPROVED);
                assertThat(decision.getCaseRef().getCaseId().getValue()).isEqualTo(caseId);
                assertThat(decision.getDecidedBy().getValue()).isEqualTo(TwoPersonApplication.REQUESTED);
                assertThat(decision.getPersonOutcomes()).hasSize(TwoPersonApplication.PERSON_IDS.size());
            });
        }
    }

    // ---- playing the partner and the identity service

    private void send(String topic, String key, SpecificRecord event, String ceId, String source, String subject) {
        stack.send(topic, key, event, ceId, source, subject);
    }

    /** The acknowledgement of a submission; a rejection ends the wait at once with its reasons. */
    private Optional<SubmissionAcknowledged> answerTo(String submissionId) {
        for (ConsumerRecord<String, byte[]> record : recorder.records(REQUESTING_TOPIC)) {
            SpecificRecord event = decode(record);
            if (event instanceof SubmissionAcknowledged ack && ack.getSubmissionId().equals(submissionId)) {
                return Optional.of(ack);
            }
            if (event instanceof SubmissionRejected rejected && rejected.getSubmissionId().equals(submissionId)) {
                throw new IllegalStateException("the gateway rejected the application: " + rejected);
            }
        }
        return Optional.empty();
    }

    /** The events of type {@code type} of this case on {@code topic}, in order. */
    private <T extends SpecificRecord> List<T> decoded(String topic, Class<T> type) {
        return recorder.records(topic, caseId).stream().map(this::decode).filter(type::isInstance).map(type::cast)
                .toList();
    }

    /** The ce_types of this case's events on {@code topic}, in order. */
    private List<String> types(String topic) {
        return recorder.records(topic, caseId).stream().map(TopicRecorder::ceType).toList();
    }

    private SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        return stack.decode(record);
    }

    // ---- the case officer and the engine

    private HttpJson officer() {
        return HttpJson.bearer(stack.url("case-workflow"), tokens.of(OFFICER));
    }

    private Optional<JsonNode> decisionTask() {
        HttpJson.Response list = officer().get("/api/v1/tasks?party=" + TwoPersonApplication.REQUESTED + "&role=case-officer");
        if (list.status() != 200) {
            throw new IllegalStateException("task list: " + list);
        }
        for (JsonNode task : list.json()) {
            if (DECIDE_TASK.equals(task.path("taskDefinitionKey").asText()) && caseId.equals(task.path("caseId").asText())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until the engine has nothing left to do on the case: both persons' executions wait at the receive task,
     * no job is due, and a moment has passed for the engine's H2 file to have written what was committed (H2 writes
     * its commits to the file in the background within about half a second). The crash then hits a case at rest, as
     * the scenario means; a crash in the middle of a publishing job is case-workflow's own test's business.
     */
    private void awaitCaseRestsAtVerification() {
        // Camunda's REST API as a supervisor of the requested party (bearer token; the case is in AZ-SMS's tenant)
        HttpJson engine = HttpJson.bearer(stack.url("case-workflow"), tokens.of("az-sms.supervisor"));
        String instanceId = await("the process instance of " + caseId).atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .until(() -> {
                    JsonNode instances = engine.get("/engine-rest/process-instance?businessKey=" + caseId).json();
                    return instances.size() == 1 ? instances.get(0).path("id").asText() : null;
                }, id -> id != null);
        await("case " + caseId + " at rest at " + AWAIT_VERIFICATION).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> count(engine, "/engine-rest/execution/count?processInstanceId=" + instanceId
                        + "&activityId=" + AWAIT_VERIFICATION) == TwoPersonApplication.PERSON_IDS.size()
                        && count(engine, "/engine-rest/job/count?processInstanceId=" + instanceId + "&executable=true") == 0);
        await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2)).until(() -> true);
    }

    private static long count(HttpJson engine, String path) {
        HttpJson.Response response = engine.get(path);
        if (response.status() != 200) {
            throw new IllegalStateException(path + ": " + response);
        }
        return response.json().path("count").asLong(-1);
    }
}
