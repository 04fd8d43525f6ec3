package org.readmission.caseworkflow;

import org.readmission.testing.TopicReader;
import org.readmission.testing.MongoWireTestServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.partner.PersonalDataRectified;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.readmission.events.Topics;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ConsularInterviewScheduled;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.events.partner.Vulnerability;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.readmission.events.partner.TransferScheduled;
import org.readmission.events.partner.TravelDocumentIssued;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real model of the workflows module ({@code bpmn/readmission-case.bpmn}, the agreement profile and its rule
 * delegates) hosted by this service, driven as the partners, identity verification and the officers would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "camunda.bpm.deployment-resource-pattern=classpath*:bpmn/*.bpmn,classpath*:dmn/*.dmn"})
@EmbeddedKafka(kraft = true, partitions = 3)
@ActiveProfiles("test")
@AutoConfigureObservability
@DirtiesContext
class ReadmissionCaseIntegrationTest extends CaseWorkflowTestBase {

    static final String TRAVEL_DOCUMENT_ISSUED = "org.readmission.case.travel-document-issued.v1";
    static final String TRANSFER_SCHEDULED = "org.readmission.case.transfer-scheduled.v1";
    static final String TRANSFER_COMPLETED = "org.readmission.case.transfer-completed.v1";
    static final String RECTIFIED = "org.readmission.case.personal-data-rectified.v1";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_model"));
    }

    @Test
    void theSendersCorrectionOfAPersonReachesTheCaseFileAndIsPassedOnWithoutMovingTheCase() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        verifyAll(caseId);
        awaitTask(caseId, "AZ-SMS", "case-officer");

        commands.sendCommand(CaseCommands.correction(caseId, "Məmmədli", LocalDate.of(1988, 4, 21)));

        ConsumerRecord<String, byte[]> rectified = caseEvents.await(r -> caseId.equals(r.key())
                && RECTIFIED.equals(header(r, CloudEventHeaders.TYPE)), 1).get(0);
        PersonalDataRectified event = (PersonalDataRectified) commands.decode(rectified.value());
        assertThat(event.getPerson().getPersonId()).isEqualTo("p1");
        assertThat(event.getPerson().getName().getSurname()).isEqualTo("Məmmədli");
        assertThat(event.getPerson().getDateOfBirth()).isEqualTo(LocalDate.of(1988, 4, 21));
        assertThat(event.getCorrectedBy().getValue()).isEqualTo(CaseCommands.REQUESTING);
        assertThat(event.getCorrectedFields()).containsExactly("name", "dateOfBirth");
        assertThat(event.getCorrectionId()).isNotBlank();
        CaseFile file = caseFiles.get(caseId);
        assertThat(file.persons()).filteredOn(p -> p.personId().equals("p1")).singleElement()
                .satisfies(p -> assertThat(p.surname()).isEqualTo("Məmmədli"));
        assertThat(caseFiles.person(file, "p1").orElseThrow().getDateOfBirth()).isEqualTo(LocalDate.of(1988, 4, 21));
        assertThat(caseFiles.person(file, "p2").orElseThrow().getName().getSurname()).isEqualTo("Məmmədova");
        // the case still waits for its decision; the corrected data never became a process variable
        assertThat(awaitTask(caseId, "AZ-SMS", "case-officer")).isNotNull();
        String processInstanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(runtime.getVariables(processInstanceId).values()).noneMatch(v -> String.valueOf(v).contains("Məmmədli"));
    }

    @Test
    void aClosedCaseIsCorrectedAllTheSame() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        verifyAll(caseId);
        awaitTask(caseId, "AZ-SMS", "case-officer");
        commands.sendCommand(CaseCommands.decision(caseId, ReadmissionDecisionType.REFUSED, RefusalReason.PERSON_NOT_IDENTIFIED));
        caseEvents.await(r -> caseId.equals(r.key()) && CLOSED.equals(header(r, CloudEventHeaders.TYPE)), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId).count() == 0);

        commands.sendCommand(CaseCommands.correction(caseId, "Məmmədli", LocalDate.of(1988, 4, 21)));

        ConsumerRecord<String, byte[]> rectified = caseEvents.await(r -> caseId.equals(r.key())
                && RECTIFIED.equals(header(r, CloudEventHeaders.TYPE)), 1).get(0);
        assertThat(((PersonalDataRectified) commands.decode(rectified.value())).getPerson().getName().getSurname())
                .isEqualTo("Məmmədli");
        assertThat(caseFiles.person(caseFiles.get(caseId), "p1").orElseThrow().getName().getSurname()).isEqualTo("Məmmədli");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("personal-data-correction").singleResult().getTenantId()).isEqualTo("AZ-SMS");
    }

    @Test
    void approvedFamilyIsTransferredAndReferredToReintegration() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        List<ConsumerRecord<String, byte[]>> opened = caseEvents.await(r -> caseId.equals(r.key()), 2);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(FORWARDED, DEADLINE_SET);
        ReplyDeadlineSet deadline = (ReplyDeadlineSet) commands.decode(opened.get(1).value());
        assertThat(deadline.getDeadline().getProfileId()).isNotBlank().doesNotContain("not stated");
        assertThat(deadline.getDeadline().getCalendar()).contains("AZ");

        verifyAll(caseId);
        String decide = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");
        assertThat(post(decide, "complete", "AZ-SMS", "case-officer", "officer-a", Map.of("decision", "APPROVED"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> travelTask = awaitTask(caseId, "AZ-SMS", "consular-officer");
        assertThat(travelTask.get("due")).isNotNull();
        String validUntil = LocalDate.now().plusMonths(3).toString();
        assertThat(post((String) travelTask.get("id"), "complete", "AZ-SMS", "consular-officer", "consul-1", Map.of(
                "documents", List.of(
                        Map.of("personId", "p1", "documentNumber", "LP0000001", "validUntil", validUntil),
                        Map.of("personId", "p2", "documentNumber", "LP0000002", "validUntil", validUntil))))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        caseEvents.await(r -> caseId.equals(r.key()), 5);

        Instant transferAt = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        commands.sendCommand(CaseCommands.transferProposed(caseId, transferAt, "GYD Heydar Aliyev International Airport", "p1", "p2"));
        String confirm = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");
        assertThat(post(confirm, "complete", "AZ-SMS", "case-officer", "officer-a", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        String handover = (String) awaitTask(caseId, "AZ-SMS", "border-officer").get("id");
        assertThat(post(handover, "complete", "AZ-SMS", "border-officer", "border-1", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 8);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(FORWARDED, DEADLINE_SET, DECIDED,
                TRAVEL_DOCUMENT_ISSUED, TRAVEL_DOCUMENT_ISSUED, TRANSFER_SCHEDULED, TRANSFER_COMPLETED, CLOSED);
        assertThat(events.subList(3, 5)).extracting(r -> ((TravelDocumentIssued) commands.decode(r.value())).getPersonId())
                .containsExactly("p1", "p2");
        TransferScheduled scheduled = (TransferScheduled) commands.decode(events.get(5).value());
        assertThat(scheduled.getScheduledAt()).isEqualTo(transferAt);
        assertThat(scheduled.getDeadline().getRule()).isNotBlank();
        assertThat(((CaseClosed) commands.decode(events.get(7).value())).getOutcome()).isEqualTo(CaseOutcome.TRANSFERRED);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("readmission-case").processInstanceBusinessKey(caseId).count() == 0);
        // the case store keeps the application (documents, MRZs, fingerprints) and the travel documents encrypted
        String raw = mongo.getCollection("cases").find(new org.bson.Document("_id", caseId)).first().toJson();
        assertThat(raw).doesNotContain("LP0000001", "LP0000002").contains("aead:");
        assertThat(caseFiles.application(caseFiles.get(caseId)).getPersons()).hasSize(2);
        assertThat(caseFiles.application(caseFiles.get(caseId)).getPersons().get(0).getEvidence().get(0).getDocument().getNumber())
                .as("readable through the store").isNotBlank()
                .satisfies(number -> assertThat(raw).doesNotContain(number));
        assertThat(caseFiles.get(caseId).deadlines()).containsKeys("REPLY", "TRANSFER");

        // the case is closed; each returned person's reintegration handoff starts with their consent
        String consentP1 = handoffTask(caseId, "p1", "UserTask_RecordConsent");
        String consentP2 = handoffTask(caseId, "p2", "UserTask_RecordConsent");
        assertThat(post(consentP1, "complete", "AZ-SMS", "reintegration-officer", "ro-1", Map.of("consentGiven", true, "minor", true))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(consentP2, "complete", "AZ-SMS", "reintegration-officer", "ro-1", Map.of("consentGiven", false))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String needs = handoffTask(caseId, "p1", "UserTask_AssessNeeds");
        assertThat(post(needs, "complete", "AZ-SMS", "reintegration-officer", "ro-1", Map.of("needs", List.of("HOUSING", "SHOES")))
                .getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post(needs, "complete", "AZ-SMS", "reintegration-officer", "ro-1",
                Map.of("needs", List.of("HOUSING", "EDUCATION"), "region", "Ganja-Dashkasan")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        try (TopicReader referrals = new TopicReader(brokers, Topics.REINTEGRATION_REFERRALS)) {
            ReintegrationReferralRequested referral = (ReintegrationReferralRequested) commands.decode(
                    referrals.await(r -> caseId.equals(r.key()), 1).get(0).value());
            assertThat(referral.getPersonId()).as("p2 refused consent: no referral").isEqualTo("p1");
            assertThat(referral.getNeeds()).containsExactly(ReintegrationNeed.HOUSING, ReintegrationNeed.EDUCATION);
            assertThat(referral.getVulnerabilities()).contains(Vulnerability.MINOR);
            assertThat(referral.getPriority()).isEqualTo(ReintegrationPriority.HIGH);
            assertThat(referral.getAttempt()).isEqualTo(1);
            assertThat(referral.getRegion()).isEqualTo("Ganja-Dashkasan");
        }
        // the provider accepts on reintegration.updates; the handoff of p1 moves on to the support plan
        commands.send(Topics.REINTEGRATION_UPDATES, ReintegrationProgressReported.newBuilder()
                .setCaseRef(CaseCommands.caseRef(caseId)).setOccurredAt(Instant.now()).setPersonId("p1")
                .setProviderParty(org.readmission.events.common.PartyCode.newBuilder().setValue("IOM-AZ").build())
                .setStage(ReintegrationStage.ACCEPTED).build(), java.util.UUID.randomUUID().toString(), "IOM-AZ");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runtime.createExecutionQuery()
                .processInstanceBusinessKey(caseId).activityId("ReceiveTask_AwaitSupportPlan").count()).isEqualTo(1));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("reintegration-handoff")
                .processInstanceBusinessKey(caseId).finished().count()).as("p2's handoff ended without a referral").isEqualTo(1);
        // the case and the handoffs it started belong to the requested party's tenant
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list())
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(instance -> assertThat(instance.getTenantId()).isEqualTo("AZ-SMS"));
    }

    /** The task of one person's reintegration handoff, as the reintegration officers of the requested party see it. */
    String handoffTask(String caseId, String personId, String taskKey) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> tasksOf("AZ-SMS", "reintegration-officer")
                .stream().anyMatch(t -> caseId.equals(t.get("caseId")) && taskKey.equals(t.get("taskDefinitionKey"))
                        && personId.equals(details((String) t.get("id"), "AZ-SMS", "reintegration-officer").get("personId"))));
        return tasksOf("AZ-SMS", "reintegration-officer").stream()
                .filter(t -> caseId.equals(t.get("caseId")) && taskKey.equals(t.get("taskDefinitionKey"))
                        && personId.equals(details((String) t.get("id"), "AZ-SMS", "reintegration-officer").get("personId")))
                .map(t -> (String) t.get("id")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void personWithoutProofIsInterviewedAndTheDecisionTaskShowsEveryOutcome() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        verificationRequests.await(r -> caseId.equals(r.key()), 2);
        commands.sendVerification(CaseCommands.verified(caseId, "p1", VerificationOutcome.CONFIRMED));
        commands.sendVerification(CaseCommands.verified(caseId, "p2", VerificationOutcome.INTERVIEW_REQUIRED));

        Map<String, Object> schedule = awaitTask(caseId, "AZ-SMS", "consular-officer");
        assertThat(schedule.get("taskDefinitionKey")).isEqualTo("UserTask_ScheduleInterview");
        assertThat(schedule.get("due")).as("the profile's 10 working days").isNotNull();
        assertThat(details((String) schedule.get("id"), "AZ-SMS", "consular-officer").get("personId")).isEqualTo("p2");
        assertThat(post((String) schedule.get("id"), "complete", "AZ-SMS", "consular-officer", "consul-1",
                Map.of("interviewScheduledAt", Instant.now().minusSeconds(60).toString(), "interviewPlace", "Berlin"))
                .getStatusCode()).as("an interview in the past").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        Instant interviewAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(post((String) schedule.get("id"), "complete", "AZ-SMS", "consular-officer", "consul-1",
                Map.of("interviewScheduledAt", interviewAt.toString(), "interviewPlace", "Consulate of Azerbaijan, Berlin"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ConsumerRecord<String, byte[]> scheduled = caseEvents.await(r -> caseId.equals(r.key())
                && header(r, "ce_type").endsWith("consular-interview-scheduled.v1"), 1).get(0);
        ConsularInterviewScheduled interview = (ConsularInterviewScheduled) commands.decode(scheduled.value());
        assertThat(interview.getPersonId()).isEqualTo("p2");
        assertThat(interview.getScheduledAt()).isEqualTo(interviewAt);
        assertThat(interview.getTargetDate().getRule()).contains("working days");

        Map<String, Object> record = awaitTask(caseId, "AZ-SMS", "consular-officer");
        assertThat(record.get("taskDefinitionKey")).isEqualTo("UserTask_RecordInterviewOutcome");
        assertThat(post((String) record.get("id"), "complete", "AZ-SMS", "consular-officer", "consul-1",
                Map.of("interviewOutcome", "CONFIRMED", "interviewFindings", "knows the village school and the local dialect"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        caseEvents.await(r -> caseId.equals(r.key()) && header(r, "ce_type").endsWith("consular-interview-held.v1"), 1);

        Map<String, Object> decide = awaitTask(caseId, "AZ-SMS", "case-officer");
        List<Map<String, Object>> verifications = (List<Map<String, Object>>) details((String) decide.get("id"),
                "AZ-SMS", "case-officer").get("verifications");
        assertThat(verifications).extracting(v -> v.get("personId"), v -> v.get("outcome"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("p1", "CONFIRMED"),
                        org.assertj.core.groups.Tuple.tuple("p2", "CONFIRMED"));
        assertThat(verifications).filteredOn(v -> "p2".equals(v.get("personId"))).singleElement()
                .satisfies(v -> assertThat((List<String>) v.get("reasons")).singleElement().asString()
                        .contains("Consular interview").contains("village school"));
        assertThat(http.exchange("/api/v1/tasks/{id}", HttpMethod.GET, new HttpEntity<>(partyHeaders("DE-BPOL", "case-officer")),
                Map.class, decide.get("id")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // each read of the verification outcomes and the interview's findings entered are in the audit trail
        List<org.bson.Document> audited = mongo.getCollection("audit_trail").find(new org.bson.Document("caseId", caseId))
                .into(new java.util.ArrayList<>());
        assertThat(audited).extracting(d -> d.getString("action") + " " + d.getString("what") + " " + d.getString("who"))
                .contains("READ_PERSONAL_DATA verifications.outcome,verifications.reasons user:case-officer-1",
                        "CHANGE_PERSONAL_DATA verifications.outcome,verifications.interviewFindings user:consul-1");
        assertThat(audited.toString()).doesNotContain("village school");

        // the supervisor's metrics see the open decision and what was published
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.getForObject("/actuator/prometheus", String.class))
                .containsPattern("readmission_tasks_open\\{[^}]*task=\"UserTask_DecideOnApplication\"[^}]*\\} [1-9]")
                .containsPattern("readmission_process_instances\\{[^}]*process=\"readmission-case\"[^}]*state=\"running\"[^}]*\\} [1-9]")
                .containsPattern("readmission_case_events_published_total\\{[^}]*type=\"ConsularInterviewHeld\"[^}]*\\} 1"));
    }

    @SuppressWarnings("rawtypes")
    Map details(String taskId, String party, String role) {
        return http.exchange("/api/v1/tasks/{id}", HttpMethod.GET, new HttpEntity<>(partyHeaders(party, role)), Map.class, taskId)
                .getBody();
    }

    /** The bearer token of {@code <role>-1}, an officer of the party in that role. */
    static HttpHeaders partyHeaders(String party, String role) {
        return TestTokens.officer(party, role, role + "-1");
    }

    @Test
    void partnersEarlyRefusalWaitsForTheVerificationThenClosesTheCase() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        commands.sendCommand(CaseCommands.decision(caseId, ReadmissionDecisionType.REFUSED, RefusalReason.NATIONALITY_NOT_ESTABLISHED));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox("PENDING", caseId).stream()
                .anyMatch(e -> ((Number) e.get("attempts")).intValue() >= 1));

        verifyAll(caseId);
        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 4);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(FORWARDED, DEADLINE_SET, DECIDED, CLOSED);
        assertThat(((ReadmissionDecided) commands.decode(events.get(2).value())).getDecision())
                .isEqualTo(ReadmissionDecisionType.REFUSED);
        assertThat(((CaseClosed) commands.decode(events.get(3).value())).getOutcome()).isEqualTo(CaseOutcome.REFUSED);
    }

    @Test
    void protectionConcernPutsTheCaseOnHoldUntilAnOfficerReleasesIt() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        commands.sendCommand(CaseCommands.protectionConcern(caseId, "p2"));

        String review = (String) awaitTask(caseId, "DE-BPOL", "protection-officer").get("id");
        assertThat(post(review, "complete", "DE-BPOL", "protection-officer", "po-1",
                Map.of("holdDecision", "RELEASE")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post(review, "complete", "DE-BPOL", "protection-officer", "po-1", Map.of("holdDecision", "RELEASE",
                "holdMotivation", "Asylum application rejected with final effect.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        caseEvents.await(r -> caseId.equals(r.key()) && header(r, "ce_type").endsWith("protection-hold-released.v1"), 1);
        assertThat(caseEvents.typesOf(caseId)).containsSubsequence(
                "org.readmission.case.protection-hold-placed.v1", "org.readmission.case.protection-hold-released.v1");
    }
}
