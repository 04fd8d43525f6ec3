package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.readmission.local.SyntheticApplications.REGISTRY;
import static org.readmission.local.SyntheticApplications.REQUESTED;
import static org.readmission.local.SyntheticApplications.REQUESTING;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.common.PersonName;
import org.readmission.events.common.PersonRole;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.PersonalDataRectified;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.events.partner.TransferProposed;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.identity.testdata.SyntheticFalseDocument;
import org.readmission.identity.testdata.SyntheticPerson;

/**
 * Every service of the system, each its own process from its fat jar, on a real KRaft broker and the MongoDB-wire
 * store: partner-gateway, case-workflow, identity-verification (with its seeded synthetic registry), reintegration
 * and case-view (pointed at the real task API). Germany (DE-BPOL) applies to Azerbaijan (AZ-SMS) over Kafka.
 *
 * <ol>
 *   <li>Identity (issue 4): four applications → each person is verified by identity-verification against its registry:
 *   passports and an identity card of registry persons CONFIRMED (→ decision), an unknown person with a birth
 *   certificate copy INTERVIEW_REQUIRED (→ the consulate schedules an interview), a forged passport NOT_CONFIRMED with
 *   its reason (→ the officer sees it, refuses, Germany hears the refusal and its reason).</li>
 *   <li>Rectification (issue 7): Germany corrects the surname of the unknown person (PersonalDataCorrected through the
 *   gateway) → case-workflow's case file → PersonalDataRectified to Azerbaijan → case-view shows the corrected name;
 *   the case still waits for its interview.</li>
 *   <li>Reintegration (issue 5): the approved family is given travel documents, Germany proposes the transfer through
 *   the gateway, Azerbaijan confirms and hands over → one handoff per returned person → consent and needs → referral →
 *   offered to a provider on its topic → the test plays the provider → progress in the reintegration service and the
 *   engine; the funnel from the events equals case-view's.</li>
 *   <li>Workspace (issue 6): an AZ-SMS officer decides in case-view in Chromium; the decision travels through the real
 *   task API and the engine and comes back on the timeline; a Dutch officer cannot open the case.</li>
 * </ol>
 * The steps share the running system, so they run in order; a step whose predecessor failed is skipped. Logs:
 * {@code deploy/local/target/system-test/whole-stack/*.log}; the last lines of each are printed when a step fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeStackSystemTest {

    private static final Path LOGS = Path.of("target/system-test/whole-stack");
    private static final List<String> PROVIDERS = List.of("AZ-SMS-RU", "IOM-AZ", "AZ-EURP-GANJA", "AZ-EURP-LANKARAN",
            "DE-CARITAS");

    private static final String DECIDE = "UserTask_DecideOnApplication";
    private static final String SCHEDULE_INTERVIEW = "UserTask_ScheduleInterview";
    private static final String ISSUE_TRAVEL_DOCUMENT = "UserTask_IssueTravelDocument";
    private static final String CONFIRM_TRANSFER = "UserTask_ConfirmTransfer";
    private static final String CONFIRM_HANDOVER = "UserTask_ConfirmHandover";
    private static final String RECORD_CONSENT = "UserTask_RecordConsent";
    private static final String ASSESS_NEEDS = "UserTask_AssessNeeds";

    private static final String TRANSFER_COMPLETED = "org.readmission.case.transfer-completed.v1";
    private static final String CLOSED = "org.readmission.case.closed.v1";
    private static final String DECIDED = "org.readmission.case.readmission-decided.v1";

    @TempDir
    static Path data;

    private static volatile boolean failed;

    @RegisterExtension
    static final TestWatcher FAILURES = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    private StackUnderTest stack;
    private StackTokens tokens;
    private TopicRecorder recorder;

    // the cases, by what the test does with them; handed on between the steps
    private final Map<String, String> caseIds = new HashMap<>();
    private final Map<String, String> applicationIds = new HashMap<>();
    private final Map<String, ReadmissionApplicationSubmitted> applications = new LinkedHashMap<>();
    private boolean refused;
    private boolean returned;
    private String provider;
    private final List<String> providerReportIds = new ArrayList<>();

    @BeforeAll
    void startTheSystem() throws Exception {
        List<StackUnderTest.Service> services = List.of(
                // the OIDC provider: officers sign in there (browser, HTTP client); case-workflow and case-view trust it
                StackUnderTest.Service.authServer(data.resolve("auth-server"), true),
                StackUnderTest.Service.of("partner-gateway"),
                StackUnderTest.Service.of("case-workflow", "--readmission.data-dir=" + data.resolve("case-workflow").toAbsolutePath(),
                        StackUnderTest.TRUST_THE_AUTH_SERVER),
                StackUnderTest.Service.of("identity-verification",
                        "--readmission.data-dir=" + data.resolve("identity-verification").toAbsolutePath(),
                        "--readmission.identity.demo-registry.seed=true", StackUnderTest.TRUST_THE_AUTH_SERVER),
                StackUnderTest.Service.of("reintegration", StackUnderTest.TRUST_THE_AUTH_SERVER),
                // case-view's forms call the real task API
                StackUnderTest.Service.of("case-view", "--readmission.case-view.task-api-url=${url:case-workflow}",
                        StackUnderTest.TRUST_THE_AUTH_SERVER));
        assumeTrue(StackUnderTest.missingJars(services).isEmpty(), "service jars missing " + StackUnderTest.missingJars(services)
                + ": build them first with './mvnw -B -ntp install -DskipTests -pl deploy/local -am' from the repository root");
        stack = new StackUnderTest(data, LOGS, StackUnderTest.Store.IN_MEMORY);
        try {
            stack.start(services);
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
        tokens = stack.tokens();
        List<String> topics = new ArrayList<>(List.of(Topics.partnerNotifications(REQUESTING),
                Topics.partnerNotifications(REQUESTED), Topics.CASE_EVENTS, Topics.IDENTITY_VERIFICATION_RESULTS,
                Topics.REINTEGRATION_REFERRALS, Topics.REINTEGRATION_UPDATES));
        PROVIDERS.forEach(code -> topics.add(Topics.partnerNotifications(code)));
        StackFiles.readTopics(Path.of("topics.txt")).stream().map(StackFiles.TopicSpec::name)
                .filter(name -> name.endsWith(".dlt")).forEach(topics::add);
        recorder = stack.record(topics);
        // the demo registry is seeded before identity-verification reads requests or reports healthy
        assertThat(stack.logContains("identity-verification", "Demo registry seeded with"))
                .as("seeded before the service became healthy").isTrue();
    }

    @AfterAll
    void stopTheSystem() {
        if (stack != null) {
            if (failed) {
                stack.printLogTails(60);
            }
            stack.close();
        }
    }

    // ---- issue 4: identity verification

    @Test
    @Order(1)
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyPersonOfFourApplicationsIsVerifiedAgainstTheRequestedStatesRegistry() {
        List<SyntheticPerson> registered = REGISTRY.persons();
        SyntheticFalseDocument forged = REGISTRY.falseDocuments().stream().filter(d -> "FORGED".equals(d.listing()))
                .findFirst().orElseThrow();
        applications.put("family", SyntheticApplications.application(newApplicationId(),
                SyntheticApplications.withOriginal("p1", PersonRole.MAIN_PERSON, registered.get(0), registered.get(0).passport()),
                SyntheticApplications.withOriginal("p2", PersonRole.SPOUSE, registered.get(2), registered.get(2).identityCard())));
        applications.put("workspace", SyntheticApplications.application(newApplicationId(),
                SyntheticApplications.withOriginal("p1", PersonRole.MAIN_PERSON, registered.get(1), registered.get(1).passport())));
        applications.put("unknown", SyntheticApplications.application(newApplicationId(),
                SyntheticApplications.withBirthCertificateCopy("p1", REGISTRY.unknownPersons().get(0))));
        applications.put("forged", SyntheticApplications.application(newApplicationId(),
                SyntheticApplications.withOriginal("p1", PersonRole.MAIN_PERSON, forged.presentedBy(), forged.document())));

        Map<String, String> submissions = new LinkedHashMap<>();
        applications.forEach((name, application) -> submissions.put(name,
                submit(application.getApplicationId(), application)));
        submissions.forEach((name, submissionId) -> {
            SubmissionAcknowledged ack = awaitAcknowledgement(submissionId);
            assertThat(ack.getApplicationId()).isEqualTo(applications.get(name).getApplicationId());
            caseIds.put(name, ack.getCaseId().getValue());
            applicationIds.put(name, ack.getApplicationId());
        });

        Map<String, IdentityVerificationCompleted> familyResults = awaitVerifications(caseIds.get("family"), 2);
        assertThat(familyResults.values()).allSatisfy(result -> {
            assertThat(result.getOutcome()).isEqualTo(VerificationOutcome.CONFIRMED);
            assertThat(result.getReasonCodes()).first().isEqualTo("PROOF_FOUND");
        });
        assertThat(awaitVerifications(caseIds.get("workspace"), 1).get("p1").getOutcome())
                .isEqualTo(VerificationOutcome.CONFIRMED);

        IdentityVerificationCompleted unknown = awaitVerifications(caseIds.get("unknown"), 1).get("p1");
        assertThat(unknown.getOutcome()).isEqualTo(VerificationOutcome.INTERVIEW_REQUIRED);
        assertThat(unknown.getReasonCodes()).first().isEqualTo("PRIMA_FACIE_ONLY");

        IdentityVerificationCompleted falseDocument = awaitVerifications(caseIds.get("forged"), 1).get("p1");
        assertThat(falseDocument.getOutcome()).isEqualTo(VerificationOutcome.NOT_CONFIRMED);
        assertThat(falseDocument.getReasonCodes()).first().isEqualTo("FALSE_DOCUMENT_PRESENTED");
        assertThat(falseDocument.getReasons()).first().asString().contains("forged");

        // reasons are for officers: no document number, no name
        for (String name : caseIds.keySet()) {
            for (ConsumerRecord<String, byte[]> record : recorder.records(Topics.IDENTITY_VERIFICATION_RESULTS, caseIds.get(name))) {
                IdentityVerificationCompleted result = (IdentityVerificationCompleted) stack.decode(record);
                applications.get(name).getPersons().forEach(person -> {
                    assertThat(String.join(" ", result.getReasons())).doesNotContain(person.getName().getSurname());
                    person.getDocuments().forEach(d -> assertThat(String.join(" ", result.getReasons())).doesNotContain(d.getNumber()));
                });
            }
        }
    }

    @Test
    @Order(2)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void personsConfirmedByTheirPassportOrIdentityCardReachTheDecision() {
        assumeTrue(caseIds.containsKey("family"), "needs the verified applications of step 1");
        JsonNode task = awaitTask(REQUESTED, "case-officer", caseIds.get("family"), DECIDE);
        assertThat(task.path("candidateGroups").toString()).contains("AZ-SMS:case-officer");

        JsonNode details = details(REQUESTED, "case-officer", task.path("id").asText());
        assertThat(outcomes(details)).containsOnly(Map.entry("p1", "CONFIRMED"), Map.entry("p2", "CONFIRMED"));
        awaitTask(REQUESTED, "case-officer", caseIds.get("workspace"), DECIDE);
    }

    @Test
    @Order(3)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theRequestingPartysCorrectionOfAPersonReachesTheWorkspaceAndTheRequestedParty() {
        assumeTrue(caseIds.containsKey("unknown"), "needs the verified applications of step 1");
        String caseId = caseIds.get("unknown");
        Person original = applications.get("unknown").getPersons().get(0);
        String surname = original.getName().getSurname() + "zadə";
        PersonalDataCorrected correction = PersonalDataCorrected.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId(applicationIds.get("unknown"))
                .setSentAt(Instant.now())
                .setPerson(Person.newBuilder(original).setName(PersonName.newBuilder(original.getName()).setSurname(surname).build()).build())
                .setCorrectedFields(List.of("name")).setNote("surname misspelt in the application").build();

        awaitAcknowledgement(submit(applicationIds.get("unknown"), correction));

        // the requested party is told, with the whole corrected record
        PersonalDataRectified rectified = await("PersonalDataRectified to " + REQUESTED).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> recorder.records(Topics.partnerNotifications(REQUESTED), caseId)
                        .stream().map(stack::decode).filter(PersonalDataRectified.class::isInstance)
                        .map(PersonalDataRectified.class::cast).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(rectified.getPerson().getName().getSurname()).isEqualTo(surname);
        assertThat(rectified.getCorrectedBy().getValue()).isEqualTo(REQUESTING);
        // the workspace shows the corrected name; the case still waits for its interview
        CaseViewSession officer = CaseViewSession.signIn(stack.url("case-view"), stack.url("auth-server"), "az-sms.officer", "demo");
        await("the corrected name in case-view").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> officer.get("/cases/" + caseId).contains(surname));
        awaitTask(REQUESTED, "consular-officer", caseId, SCHEDULE_INTERVIEW);
    }

    @Test
    @Order(4)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anUnknownPersonWithOnlyABirthCertificateCopyIsToBeInterviewedByTheConsulate() {
        assumeTrue(caseIds.containsKey("unknown"), "needs the verified applications of step 1");
        JsonNode task = awaitTask(REQUESTED, "consular-officer", caseIds.get("unknown"), SCHEDULE_INTERVIEW);
        assertThat(task.path("candidateGroups").toString()).contains("AZ-SMS:consular-officer");
        assertThat(task.path("due").isNull()).as("due by the profile's interview target").isFalse();
        assertThat(details(REQUESTED, "consular-officer", task.path("id").asText()).path("personId").asText()).isEqualTo("p1");
        assertThat(task(REQUESTED, "case-officer", caseIds.get("unknown"), DECIDE)).as("no decision before the interview").isEmpty();
    }

    @Test
    @Order(5)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aForgedPassportIsNotConfirmedAndTheRefusalWithItsReasonReachesTheRequestingParty() {
        assumeTrue(caseIds.containsKey("forged"), "needs the verified applications of step 1");
        String caseId = caseIds.get("forged");
        JsonNode task = awaitTask(REQUESTED, "case-officer", caseId, DECIDE);
        String taskId = task.path("id").asText();

        JsonNode details = details(REQUESTED, "case-officer", taskId);
        assertThat(outcomes(details)).containsExactly(Map.entry("p1", "NOT_CONFIRMED"));
        assertThat(details.path("verifications").get(0).path("reasons").toString()).as("the officer sees why").contains("forged");

        String motivation = "The passport presented for the person is listed as forged by the State Migration Service.";
        HttpJson.Response complete = officer(REQUESTED, "case-officer", "aliyev").post("/api/v1/tasks/" + taskId + "/complete",
                Map.of("decision", "REFUSED", "refusalReasons", List.of("EVIDENCE_FALSE_OR_FALSIFIED"), "motivation", motivation));
        assertThat(complete.status()).as("refusal: %s", complete).isEqualTo(204);
        refused = true;

        ReadmissionDecided decision = await("the refusal on DE-BPOL's notification topic").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stack.decoded(recorder.records(Topics.partnerNotifications(REQUESTING), caseId), ReadmissionDecided.class),
                        list -> !list.isEmpty()).get(0);
        assertThat(decision.getDecision()).isEqualTo(ReadmissionDecisionType.REFUSED);
        assertThat(decision.getDecidedBy().getValue()).isEqualTo(REQUESTED);
        assertThat(decision.getMotivation()).isEqualTo(motivation);
        assertThat(decision.getPersonOutcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.getApproved()).isFalse();
            assertThat(outcome.getRefusalReasons()).containsExactly(RefusalReason.EVIDENCE_FALSE_OR_FALSIFIED);
        });
        await("the refused case closed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> stack.decoded(recorder.records(Topics.CASE_EVENTS, caseId), CaseClosed.class), list -> !list.isEmpty());
        assertThat(stack.decoded(recorder.records(Topics.CASE_EVENTS, caseId), CaseClosed.class).get(0).getOutcome())
                .isEqualTo(CaseOutcome.REFUSED);
    }

    // ---- issue 5: reintegration

    @Test
    @Order(6)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anApprovedFamilyIsReturnedAndEachReturnedPersonGetsAReintegrationHandoff() {
        assumeTrue(caseIds.containsKey("family"), "needs the family's case of step 1");
        String caseId = caseIds.get("family");
        complete(REQUESTED, "case-officer", "aliyev", awaitTask(REQUESTED, "case-officer", caseId, DECIDE),
                Map.of("decision", "APPROVED", "motivation", "Both persons identified as nationals (passport, identity card)."));

        String validUntil = LocalDate.now().plusMonths(3).toString();
        complete(REQUESTED, "consular-officer", "consul-1", awaitTask(REQUESTED, "consular-officer", caseId, ISSUE_TRAVEL_DOCUMENT),
                Map.of("documents", List.of(
                        Map.of("personId", "p1", "documentNumber", "LP0000001", "validUntil", validUntil),
                        Map.of("personId", "p2", "documentNumber", "LP0000002", "validUntil", validUntil))));

        // Germany proposes the transfer through the gateway
        String applicationId = applicationIds.get("family");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TransferProposed proposal = TransferProposed.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId(applicationId).setSentAt(now)
                .setProposedAt(now.plus(20, ChronoUnit.DAYS)).setBorderCrossingPoint("GYD Heydar Aliyev International Airport")
                .setFlightNumber("J2 8016").setEscortCount(2).setPersonIds(List.of("p1", "p2")).build();
        awaitAcknowledgement(submit(caseId, proposal));

        complete(REQUESTED, "case-officer", "aliyev", awaitTask(REQUESTED, "case-officer", caseId, CONFIRM_TRANSFER), Map.of());
        complete(REQUESTED, "border-officer", "border-1", awaitTask(REQUESTED, "border-officer", caseId, CONFIRM_HANDOVER), Map.of());

        await("the transfer completed and the case closed").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(() -> types(Topics.CASE_EVENTS, caseId).contains(CLOSED));
        assertThat(types(Topics.CASE_EVENTS, caseId)).containsSubsequence(DECIDED, TRANSFER_COMPLETED, CLOSED);
        assertThat(stack.decoded(recorder.records(Topics.CASE_EVENTS, caseId), CaseClosed.class)).singleElement()
                .satisfies(closed -> assertThat(closed.getOutcome()).isEqualTo(CaseOutcome.TRANSFERRED));

        // one handoff per returned person, each starting with the person's consent
        HttpJson engine = engineAsSupervisor();
        assertThat(engine.get("/engine-rest/process-instance/count?processDefinitionKey=reintegration-handoff&businessKey="
                + caseId).json().path("count").asLong()).isEqualTo(2);
        assertThat(consentTasks(caseId).keySet()).containsExactlyInAnyOrder("p1", "p2");
        returned = true;
    }

    @Test
    @Order(7)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aConsentingReturneeIsReferredToAProviderWhoseReportsReachTheCase() {
        assumeTrue(returned, "needs the returned family of step 5");
        String caseId = caseIds.get("family");
        Map<String, String> consent = consentTasks(caseId);
        complete(REQUESTED, "reintegration-officer", "ro-1", consent.get("p1"), Map.of("consentGiven", true));
        complete(REQUESTED, "reintegration-officer", "ro-1", consent.get("p2"), Map.of("consentGiven", false));
        JsonNode needs = awaitTask(REQUESTED, "reintegration-officer", caseId, ASSESS_NEEDS);
        assertThat(details(REQUESTED, "reintegration-officer", needs.path("id").asText()).path("personId").asText()).isEqualTo("p1");
        complete(REQUESTED, "reintegration-officer", "ro-1", needs,
                Map.of("needs", List.of("HOUSING", "EMPLOYMENT"), "region", "Ganja-Dashkasan"));

        ReintegrationReferralRequested referral = await("the referral of p1").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> stack.decoded(recorder.records(Topics.REINTEGRATION_REFERRALS, caseId), ReintegrationReferralRequested.class),
                        list -> !list.isEmpty()).get(0);
        assertThat(referral.getPersonId()).isEqualTo("p1");
        assertThat(referral.getConsentGiven()).isTrue();
        assertThat(referral.getNeeds()).containsExactly(ReintegrationNeed.HOUSING, ReintegrationNeed.EMPLOYMENT);
        assertThat(referral.getAttempt()).isEqualTo(1);

        // the reintegration service offers it to one provider, on that provider's topic only
        ReintegrationReferralOffered offer = await("the offer to a provider").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> offers(caseId), list -> !list.isEmpty()).get(0);
        provider = offer.getProviderParty().getValue();
        assertThat(PROVIDERS).contains(provider);
        assertThat(offer.getPersonId()).isEqualTo("p1");
        assertThat(offer.getNeeds()).contains(ReintegrationNeed.HOUSING);
        assertThat(offer.getRegion()).isEqualTo("Ganja-Dashkasan");
        assertThat(recorder.records(Topics.partnerNotifications(provider), caseId)).as("offered once").hasSize(1);
        for (String other : PROVIDERS) {
            if (!other.equals(provider)) {
                assertThat(recorder.records(Topics.partnerNotifications(other), caseId)).as("nothing for %s", other).isEmpty();
            }
        }
        assertThat(new String(recorder.records(Topics.partnerNotifications(provider), caseId).get(0).value()))
                .as("minimised: no name").doesNotContain(REGISTRY.persons().get(0).surname());

        // the test is the provider now: it reports as itself on reintegration.updates
        report(caseId, ReintegrationStage.ACCEPTED, "ACCEPTED");
        report(caseId, ReintegrationStage.SUPPORT_PLAN_AGREED, "IN_SUPPORT");
        report(caseId, ReintegrationStage.FOLLOW_UP_ARRIVAL, "IN_SUPPORT");

        JsonNode referrals = referrals().get("/api/v1/referrals?caseId=" + caseId).json();
        assertThat(referrals).hasSize(1);
        JsonNode p1 = referrals.get(0);
        assertThat(p1.path("personId").asText()).isEqualTo("p1");
        assertThat(p1.path("provider").asText()).isEqualTo(provider);
        assertThat(p1.path("supportPlanAgreedAt").isNull()).isFalse();
        assertThat(p1.path("followUps").toString()).contains("FOLLOW_UP_ARRIVAL");

        // and each report went into p1's handoff in the engine (through case-workflow's inbox)
        HttpJson inbox = HttpJson.bearer(stack.url("case-workflow"), tokens.of("az-sms.supervisor"));
        await("the provider's reports correlated").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<String> correlated = new ArrayList<>();
                    inbox.get("/api/v1/inbox?state=CORRELATED&caseId=" + caseId).json()
                            .forEach(entry -> correlated.add(entry.path("ceId").asText()));
                    assertThat(correlated).containsAll(providerReportIds);
                });
    }

    @Test
    @Order(8)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theSupervisorsReintegrationFunnelEqualsTheOneDerivedFromTheEvents() {
        assumeTrue(provider != null, "needs the provider's reports of step 6");
        Funnel fromEvents = Funnel.of(recorder.records(Topics.REINTEGRATION_REFERRALS).stream().map(stack::decode).toList(),
                recorder.records(Topics.REINTEGRATION_UPDATES).stream().map(stack::decode).toList());
        assertThat(fromEvents).isEqualTo(new Funnel(1, 1, 1, 0));

        // the reintegration service's referrals tell the same
        JsonNode referrals = referrals().get("/api/v1/referrals?caseId=" + caseIds.get("family")).json();
        List<String> states = new ArrayList<>();
        referrals.forEach(r -> states.add(r.path("state").asText()));
        assertThat(new Funnel(states.size(),
                (int) states.stream().filter(s -> Set.of("ACCEPTED", "IN_SUPPORT", "CLOSED").contains(s)).count(),
                (int) states.stream().filter("IN_SUPPORT"::equals).count(),
                (int) states.stream().filter("CLOSED"::equals).count())).isEqualTo(fromEvents);

        // and so does case-view's dashboard for AZ-SMS's supervisor (figures: persons who reached a stage)
        CaseViewSession supervisor = CaseViewSession.signIn(stack.url("case-view"), stack.url("auth-server"), "az-sms.supervisor", "demo");
        await("case-view's funnel").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> figures = supervisor.figures();
            assertThat(new Funnel(Integer.parseInt(figures.get("funnel:REFERRED")), Integer.parseInt(figures.get("funnel:ACCEPTED")),
                    Integer.parseInt(figures.get("funnel:SUPPORT_PLAN_AGREED")) - Integer.parseInt(figures.get("funnel:CLOSED")),
                    Integer.parseInt(figures.get("funnel:CLOSED")))).as("case-view %s", figures).isEqualTo(fromEvents);
        });
        // the provider's three reports are on the case's timeline, under the provider's name
        String timeline = supervisor.get("/cases/" + caseIds.get("family") + "/timeline");
        assertThat(timeline.split("data-type=\"reintegration.progress-reported\"", -1)).as("reports on the timeline").hasSize(4);
        assertThat(timeline).contains(provider);
    }

    // ---- issue 6: the officers' workspace

    @Test
    @Order(9)
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void anOfficerDecidesInTheWorkspaceAndTheDecisionComesBackOnTheTimelineButNotToOtherParties() throws Exception {
        assumeTrue(caseIds.containsKey("workspace"), "needs the workspace case of step 1");
        assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "Debian's chromium and chromium-driver are not installed");
        String caseId = caseIds.get("workspace");
        awaitTask(REQUESTED, "case-officer", caseId, DECIDE);
        String surname = REGISTRY.persons().get(1).surname();
        String base = stack.url("case-view").toString();
        Path profile = Files.createTempDirectory(data, "chromium");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
        try {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            signIn(browser, base, "az-sms.officer");
            await("the case in AZ-SMS's case officer's task list").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> {
                        browser.get(base + "/tasks");
                        return !browser.findElements(By.cssSelector("#task-list tr[data-case='" + caseId + "']")).isEmpty();
                    });
            browser.findElement(By.cssSelector("#task-list tr[data-case='" + caseId + "']")).findElement(By.linkText(caseId)).click();
            assertThat(browser.findElement(By.id("persons")).getText()).contains(surname);
            assertThat(browser.findElement(By.id("timeline")).getText()).contains("Application forwarded");

            String motivation = "Nationality established by the passport, confirmed in the registry.";
            browser.findElement(By.id("decision-APPROVED")).click();
            browser.findElement(By.id("decide-motivation")).sendKeys(motivation);
            browser.findElement(By.cssSelector("#decide-form button[type=submit]")).click();
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Sent");

            // through the real task API and engine, out as an event, into case-view's read model, onto the page
            await("the decision on the timeline").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> !browser.findElements(By.cssSelector("#timeline tr[data-type='case.readmission-decided']")).isEmpty());
            ReadmissionDecided decided = await("the decision on readmission.case-events").atMost(Duration.ofSeconds(10))
                    .until(() -> stack.decoded(recorder.records(Topics.CASE_EVENTS, caseId), ReadmissionDecided.class),
                            list -> !list.isEmpty()).get(0);
            assertThat(decided.getDecision()).isEqualTo(ReadmissionDecisionType.APPROVED);
            assertThat(decided.getMotivation()).isEqualTo(motivation);
            assertThat(task(REQUESTED, "case-officer", caseId, DECIDE)).as("the engine's decision task is done").isEmpty();

            browser.findElement(By.cssSelector("header form button")).click(); // sign out
            // out of case-view and of the auth-server (RP-initiated logout), back on case-view's sign-in page
            await("signed out").atMost(Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().startsWith(base + "/login?signedOut"));
            signIn(browser, base, "nl-dtv.officer");
            browser.get(base + "/cases/" + caseId);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
            assertThat(browser.getPageSource()).doesNotContain(surname);
        } catch (Throwable e) {
            // what the browser showed when the step failed, beside the services' logs
            quietly(() -> Files.write(LOGS.resolve("workspace.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES)));
            quietly(() -> Files.writeString(LOGS.resolve("workspace.html"), browser.getPageSource()));
            throw e;
        } finally {
            browser.quit();
        }
    }

    // ---- all of it

    @Test
    @Order(10)
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void nothingWasDeadLetteredAndNothingPublishedTwice() throws Exception {
        for (String topic : StackFiles.readTopics(Path.of("topics.txt")).stream().map(StackFiles.TopicSpec::name).toList()) {
            if (topic.endsWith(".dlt")) {
                assertThat(recorder.records(topic)).as("dead letters on %s", topic)
                        .extracting(r -> r.key() + " " + new String(r.headers().lastHeader("dlt-reason-code") == null ? new byte[0]
                                : r.headers().lastHeader("dlt-reason-code").value())).isEmpty();
            }
        }
        List<String> published = new ArrayList<>(List.of(Topics.partnerNotifications(REQUESTING),
                Topics.partnerNotifications(REQUESTED), Topics.CASE_EVENTS, Topics.IDENTITY_VERIFICATION_RESULTS,
                Topics.REINTEGRATION_REFERRALS, Topics.REINTEGRATION_UPDATES));
        PROVIDERS.forEach(code -> published.add(Topics.partnerNotifications(code)));
        for (String topic : published) {
            assertThat(recorder.records(topic)).extracting(TopicRecorder::ceId).as("ce_ids on %s", topic)
                    .doesNotContainNull().doesNotHaveDuplicates();
        }
    }

    // ---- the partner, the provider and the officers

    private static String newApplicationId() {
        return "DE-BPOL-2025-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends a partner submission from DE-BPOL; returns its ce_id (= the submission id of the answer). */
    private String submit(String key, SpecificRecord submission) {
        String submissionId = UUID.randomUUID().toString();
        stack.send(Topics.PARTNER_SUBMISSIONS, key, submission, submissionId, REQUESTING,
                submission instanceof TransferProposed p ? p.getCaseId().getValue() : null);
        return submissionId;
    }

    private SubmissionAcknowledged awaitAcknowledgement(String submissionId) {
        return await("the gateway's answer to submission " + submissionId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> answerTo(submissionId), Optional::isPresent).orElseThrow();
    }

    /** The acknowledgement of a submission; a rejection ends the wait at once with its reasons. */
    private Optional<SubmissionAcknowledged> answerTo(String submissionId) {
        for (ConsumerRecord<String, byte[]> record : recorder.records(Topics.partnerNotifications(REQUESTING))) {
            SpecificRecord event = stack.decode(record);
            if (event instanceof SubmissionAcknowledged ack && ack.getSubmissionId().equals(submissionId)) {
                return Optional.of(ack);
            }
            if (event instanceof SubmissionRejected rejected && rejected.getSubmissionId().equals(submissionId)) {
                throw new IllegalStateException("the gateway rejected submission " + submissionId + ": " + rejected);
            }
        }
        return Optional.empty();
    }

    /** The identity service's results for the persons of a case, by person id, once there are {@code persons}. */
    private Map<String, IdentityVerificationCompleted> awaitVerifications(String caseId, int persons) {
        List<IdentityVerificationCompleted> results = await("the verification results of " + caseId)
                .atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(250))
                .until(() -> stack.decoded(recorder.records(Topics.IDENTITY_VERIFICATION_RESULTS), IdentityVerificationCompleted.class)
                        .stream().filter(r -> caseId.equals(r.getCaseRef().getCaseId().getValue())).toList(),
                        list -> list.stream().map(IdentityVerificationCompleted::getPersonId).distinct().count() >= persons);
        Map<String, IdentityVerificationCompleted> byPerson = new HashMap<>();
        results.forEach(r -> byPerson.put(r.getPersonId(), r));
        assertThat(byPerson).hasSize(persons);
        return byPerson;
    }

    private List<ReintegrationReferralOffered> offers(String caseId) {
        List<ReintegrationReferralOffered> offers = new ArrayList<>();
        for (String code : PROVIDERS) {
            offers.addAll(stack.decoded(recorder.records(Topics.partnerNotifications(code), caseId), ReintegrationReferralOffered.class));
        }
        return offers;
    }

    /** The provider reports a stage of p1's support and waits until the reintegration service shows {@code state}. */
    private void report(String caseId, ReintegrationStage stage, String state) {
        String ceId = UUID.randomUUID().toString();
        ReintegrationProgressReported report = ReintegrationProgressReported.newBuilder()
                .setCaseRef(stack.decoded(recorder.records(Topics.REINTEGRATION_REFERRALS, caseId), ReintegrationReferralRequested.class)
                        .get(0).getCaseRef())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setPersonId("p1")
                .setProviderParty(PartyCode.newBuilder().setValue(provider).build()).setStage(stage).setNote(null).build();
        stack.send(Topics.REINTEGRATION_UPDATES, caseId, report, ceId, provider, caseId);
        providerReportIds.add(ceId);
        HttpJson reintegration = referrals();
        await(stage + " taken by the reintegration service").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> reintegration.get("/api/v1/referrals?caseId=" + caseId).json().path(0).path("state").asText(),
                        state::equals);
        // the engine moves on from the wait the report answers before the next report comes
        HttpJson engine = engineAsSupervisor();
        String next = switch (stage) {
            case ACCEPTED -> "ReceiveTask_AwaitSupportPlan";
            case SUPPORT_PLAN_AGREED -> "ReceiveTask_AwaitFollowUpReport";
            default -> null;
        };
        if (next != null) {
            await("p1's handoff at " + next).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> engine.get("/engine-rest/execution/count?processDefinitionKey=reintegration-handoff&businessKey="
                            + caseId + "&activityId=" + next).json().path("count").asLong() == 1);
        }
    }

    /** The reintegration service's referrals API, as the requested party's reintegration officer (a token of the stack). */
    private HttpJson referrals() {
        return HttpJson.bearer(stack.url("reintegration"), tokens.of(StackTokens.demoUser(REQUESTED, "reintegration-officer")));
    }

    /** Camunda's REST API as a supervisor of the requested party (bearer token; the case is in its tenant). */
    private HttpJson engineAsSupervisor() {
        return HttpJson.bearer(stack.url("case-workflow"), tokens.of(StackTokens.demoUser(REQUESTED, "supervisor")));
    }

    /** The demo user working {@code party}'s {@code role}, with their token from the stack's auth-server. */
    private HttpJson officer(String party, String role, String user) {
        return HttpJson.bearer(stack.url("case-workflow"), tokens.of(StackTokens.demoUser(party, role)));
    }

    private Optional<JsonNode> task(String party, String role, String caseId, String taskKey) {
        HttpJson.Response list = officer(party, role, "system-test").get("/api/v1/tasks?party=" + party + "&role=" + role);
        if (list.status() != 200) {
            throw new IllegalStateException("task list of " + party + ":" + role + ": " + list);
        }
        for (JsonNode task : list.json()) {
            if (taskKey.equals(task.path("taskDefinitionKey").asText()) && caseId.equals(task.path("caseId").asText())) {
                return Optional.of(task);
            }
        }
        return Optional.empty();
    }

    private JsonNode awaitTask(String party, String role, String caseId, String taskKey) {
        return await(taskKey + " of " + caseId + " for " + party + ":" + role).atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> task(party, role, caseId, taskKey), Optional::isPresent).orElseThrow();
    }

    private JsonNode details(String party, String role, String taskId) {
        HttpJson.Response details = officer(party, role, "system-test").get("/api/v1/tasks/" + taskId);
        assertThat(details.status()).as("details of task %s: %s", taskId, details).isEqualTo(200);
        return details.json();
    }

    private static Map<String, String> outcomes(JsonNode details) {
        Map<String, String> outcomes = new HashMap<>();
        details.path("verifications").forEach(v -> outcomes.put(v.path("personId").asText(), v.path("outcome").asText()));
        return outcomes;
    }

    /** The consent task of each returned person of the case, by person id. */
    private Map<String, String> consentTasks(String caseId) {
        return await("a consent task per returned person of " + caseId).atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> {
                    Map<String, String> byPerson = new HashMap<>();
                    HttpJson.Response list = officer(REQUESTED, "reintegration-officer", "ro-1")
                            .get("/api/v1/tasks?party=" + REQUESTED + "&role=reintegration-officer");
                    for (JsonNode task : list.json()) {
                        if (RECORD_CONSENT.equals(task.path("taskDefinitionKey").asText()) && caseId.equals(task.path("caseId").asText())) {
                            byPerson.put(details(REQUESTED, "reintegration-officer", task.path("id").asText()).path("personId").asText(),
                                    task.path("id").asText());
                        }
                    }
                    return byPerson;
                }, byPerson -> byPerson.size() >= 2);
    }

    private void complete(String party, String role, String user, JsonNode task, Map<String, Object> form) {
        complete(party, role, user, task.path("id").asText(), form);
    }

    private void complete(String party, String role, String user, String taskId, Map<String, Object> form) {
        HttpJson.Response response = officer(party, role, user).post("/api/v1/tasks/" + taskId + "/complete", form);
        assertThat(response.status()).as("completing task %s as %s:%s: %s", taskId, party, role, response).isEqualTo(204);
    }

    private List<String> types(String topic, String caseId) {
        return recorder.records(topic, caseId).stream().map(TopicRecorder::ceType).toList();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            System.err.println("could not keep the browser's page: " + e);
        }
    }

    /** Signs in as an officer does: case-view's sign-in button, the auth-server's login form, back to the task list. */
    private void signIn(WebDriver browser, String base, String user) {
        String authServer = stack.url("auth-server").toString();
        browser.get(base + "/login");
        browser.findElement(By.id("sign-in")).click();
        await("the auth-server's login form").atMost(Duration.ofSeconds(15))
                .until(() -> browser.getCurrentUrl().startsWith(authServer + "/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        // the sign-in's redirects to the task list must have landed before the next page is asked for, or they overtake it
        await("signed in as " + user).atMost(Duration.ofSeconds(15))
                .until(() -> browser.getCurrentUrl().startsWith(base + "/tasks")
                        && !browser.findElements(By.cssSelector("header form button")).isEmpty());
    }

    /**
     * The supervisors' reintegration figures, persons counted once per stage: referred (with consent), accepted by a
     * provider, in support now (support plan or follow-up, not closed or withdrawn), closed.
     */
    record Funnel(int referred, int accepted, int inSupport, int closed) {

        static Funnel of(List<SpecificRecord> referrals, List<SpecificRecord> updates) {
            Set<String> referred = new HashSet<>();
            Set<String> accepted = new HashSet<>();
            Set<String> supported = new HashSet<>();
            Set<String> closed = new HashSet<>();
            Set<String> withdrawn = new HashSet<>();
            List<SpecificRecord> events = new ArrayList<>(referrals);
            events.addAll(updates);
            for (SpecificRecord event : events) {
                if (event instanceof ReintegrationReferralRequested r && r.getConsentGiven()) {
                    referred.add(r.getCaseRef().getCaseId().getValue() + "/" + r.getPersonId());
                } else if (event instanceof ReintegrationProgressReported p) {
                    String person = p.getCaseRef().getCaseId().getValue() + "/" + p.getPersonId();
                    String stage = p.getStage().name();
                    if (stage.equals("ACCEPTED") || stage.equals("SUPPORT_PLAN_AGREED") || stage.startsWith("FOLLOW_UP")) {
                        accepted.add(person);
                    }
                    if (stage.equals("SUPPORT_PLAN_AGREED") || stage.startsWith("FOLLOW_UP")) {
                        supported.add(person);
                    }
                    if (stage.equals("CLOSED")) {
                        closed.add(person);
                    }
                    if (stage.equals("CONSENT_WITHDRAWN")) {
                        withdrawn.add(person);
                    }
                } else if (event instanceof ReintegrationClosed c) {
                    closed.add(c.getCaseRef().getCaseId().getValue() + "/" + c.getPersonId());
                } else if (event instanceof ReintegrationConsentWithdrawn w) {
                    withdrawn.add(w.getCaseRef().getCaseId().getValue() + "/" + w.getPersonId());
                }
            }
            supported.removeAll(closed);
            supported.removeAll(withdrawn);
            return new Funnel(referred.size(), accepted.size(), supported.size(), closed.size());
        }
    }
}
