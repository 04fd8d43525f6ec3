package org.readmission.caseworkflow;

import org.readmission.testing.TopicReader;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.ReplyDeadlineExtended;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The case workflow seen from Kafka and the task API: commands and verification results in, case events out,
 * officers deciding. Run against the stand-in model on H2 and (when configured) on PostgreSQL.
 */
abstract class CaseWorkflowScenarios extends CaseWorkflowTestBase {

    @Test
    void opensCaseFromCommandAndPublishesItsEventsOnceInOrder() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));

        ProcessInstance instance = awaitInstance(caseId);
        assertThat(instance.getBusinessKey()).isEqualTo(caseId);
        List<ConsumerRecord<String, byte[]>> requests = verificationRequests.await(r -> caseId.equals(r.key()), 2);
        assertThat(requests).extracting(r -> ((IdentityVerificationRequested) commands.decode(r.value())).getPersonId())
                .containsExactlyInAnyOrder("p1", "p2");
        assertThat(requests).extracting(r -> header(r, CloudEventHeaders.ID)).doesNotHaveDuplicates();

        verifyAll(caseId);
        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 3);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(REGISTERED, FORWARDED, DEADLINE_SET);
        assertThat(events).allSatisfy(r -> {
            assertThat(header(r, CloudEventHeaders.SOURCE)).isEqualTo("case-workflow");
            assertThat(header(r, CloudEventHeaders.SUBJECT)).isEqualTo(caseId);
        });
        ReplyDeadlineSet deadline = (ReplyDeadlineSet) commands.decode(events.get(2).value());
        assertThat(deadline.getCaseRef().getRequestingParty().getValue()).isEqualTo(CaseCommands.REQUESTING);
        assertThat(deadline.getCaseRef().getRequestedParty().getValue()).isEqualTo(CaseCommands.REQUESTED);
        assertThat(deadline.getDeadline().getRule()).isEqualTo("15 calendar days from confirmed receipt");

        var file = caseFiles.get(caseId);
        assertThat(file.personIds()).containsExactly("p1", "p2");
        assertThat(file.deadlines()).containsKey("REPLY");
        assertThat(file.timeline()).extracting(t -> t.ceType()).contains(REGISTERED, FORWARDED, DEADLINE_SET);
        assertThat(file.verifications()).hasSize(2);
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("persons", "application", "verificationOutcome")
                .containsEntry("requestedParty", CaseCommands.REQUESTED);
        // one verificationOutcome per person, each local to that person's verification
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("verificationOutcome").list()).hasSize(2)
                .extracting(v -> v.getActivityInstanceId()).doesNotHaveDuplicates();
    }

    @Test
    void duplicateDeliveryOfACommandChangesNothing() {
        String caseId = CaseCommands.newCaseId();
        var open = CaseCommands.openCase(caseId);
        String ceId = commands.send(Topics.CASE_COMMANDS, open, "open-" + caseId, "partner-gateway");
        awaitInstance(caseId);
        caseEvents.await(r -> caseId.equals(r.key()), 2);

        commands.send(Topics.CASE_COMMANDS, open, ceId, "partner-gateway");
        String marker = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(marker)); // sent after the duplicate, on the same topic
        awaitInstance(marker);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(inbox("CORRELATED", caseId)).hasSize(1);
        caseEvents.await(r -> marker.equals(r.key()), 2);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(REGISTERED, FORWARDED);
    }

    @Test
    void earlyDecisionIsKeptPendingAndCorrelatedWhenTheProcessReachesTheDecision() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        commands.sendCommand(CaseCommands.decision(caseId, ReadmissionDecisionType.REFUSED, RefusalReason.PERSON_NOT_IDENTIFIED));

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox("PENDING", caseId).stream()
                .anyMatch(e -> e.get("messageName").equals("org.readmission.decision.submitted.v1")
                        && ((Number) e.get("attempts")).intValue() >= 1));

        verifyAll(caseId);
        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 5);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(REGISTERED, FORWARDED, DEADLINE_SET, DECIDED, CLOSED);
        ReadmissionDecided decided = (ReadmissionDecided) commands.decode(events.get(3).value());
        assertThat(decided.getDecision()).isEqualTo(ReadmissionDecisionType.REFUSED);
        assertThat(decided.getPersonOutcomes()).allSatisfy(o ->
                assertThat(o.getRefusalReasons()).containsExactly(RefusalReason.PERSON_NOT_IDENTIFIED));
        assertThat(((CaseClosed) commands.decode(events.get(4).value())).getOutcome()).isEqualTo(CaseOutcome.REFUSED);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("PENDING", caseId).isEmpty());
        assertThat(inbox("CORRELATED", caseId)).hasSize(4);
    }

    @Test
    void officerDecidesThroughTheTaskApi() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        verifyAll(caseId);
        Map<String, Object> task = awaitTask(caseId, "AZ-SMS", "case-officer");
        String taskId = (String) task.get("id");
        assertThat(task).containsEntry("taskDefinitionKey", "UserTask_DecideOnApplication").containsEntry("overdue", false);
        assertThat(task.get("due")).isNotNull();
        assertThat(tasksOf("DE-BPOL", "case-officer")).noneMatch(t -> caseId.equals(t.get("caseId")));

        ResponseEntity<Map> withoutReasons = post(taskId, "complete", "AZ-SMS", "case-officer", "officer-a",
                Map.of("decision", "REFUSED", "motivation", "Not identified in the registry."));
        assertThat(withoutReasons.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat((List<Map<String, String>>) withoutReasons.getBody().get("errors"))
                .extracting(e -> e.get("field")).containsExactly("refusalReasons");

        assertThat(post(taskId, "claim", "DE-BPOL", "case-officer", "officer-x", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(taskId, "claim", "AZ-SMS", "case-officer", "officer-a", null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(taskId, "claim", "AZ-SMS", "case-officer", "officer-b", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<Map> completed = post(taskId, "complete", "AZ-SMS", "case-officer", "officer-a", Map.of(
                "decision", "REFUSED", "refusalReasons", List.of("NATIONALITY_NOT_ESTABLISHED"),
                "motivation", "Not identified in the registry."));
        assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post(taskId, "complete", "AZ-SMS", "case-officer", "officer-a", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 5);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(REGISTERED, FORWARDED, DEADLINE_SET, DECIDED, CLOSED);
        ReadmissionDecided decided = (ReadmissionDecided) commands.decode(events.get(3).value());
        assertThat(decided.getDecidedBy().getValue()).isEqualTo("AZ-SMS");
        assertThat(decided.getPersonOutcomes()).extracting(o -> o.getRefusalReasons())
                .containsOnly(List.of(RefusalReason.NATIONALITY_NOT_ESTABLISHED));
    }

    @Test
    void officerRequestsTheOneExtensionOfTheReplyLimit() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        verifyAll(caseId);
        String taskId = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");

        Map<String, Object> request = Map.of("action", "REQUEST_EXTENSION", "obstacle", "FACTUAL",
                "motivation", "The registry of the Ministry of Internal Affairs is being migrated.");
        assertThat(post(taskId, "complete", "AZ-SMS", "case-officer", "officer-a", request).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        List<ConsumerRecord<String, byte[]>> events = caseEvents.await(r -> caseId.equals(r.key()), 4);
        ReplyDeadlineExtended extended = (ReplyDeadlineExtended) commands.decode(events.get(3).value());
        assertThat(extended.getMotivation()).startsWith("The registry");
        assertThat(extended.getDeadline().getDueAt()).isAfter(((ReplyDeadlineSet) commands.decode(events.get(2).value()))
                .getDeadline().getDueAt());

        String again = (String) awaitTask(caseId, "AZ-SMS", "case-officer").get("id");
        ResponseEntity<Map> second = post(again, "complete", "AZ-SMS", "case-officer", "officer-a", request);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(caseFiles.get(caseId).deadlines().get("EXTENDED_REPLY")).isNotNull();
    }

    @Test
    void undecodableRecordIsDeadLetteredWithItsReasonAndDoesNotBlock() {
        try (TopicReader deadLetters = new TopicReader(brokers, Topics.dlt(Topics.CASE_COMMANDS))) {
            String key = CaseCommands.newCaseId();
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.CASE_COMMANDS, key, "{\"not\":\"avro\"}".getBytes(UTF_8));
            garbage.headers().add("ce_id", "bad-1".getBytes(UTF_8)).add("ce_source", "partner-gateway".getBytes(UTF_8))
                    .add("ce_type", "org.readmission.case.open.v1".getBytes(UTF_8)).add("ce_specversion", "1.0".getBytes(UTF_8));
            commands.sendRaw(garbage);
            String caseId = CaseCommands.newCaseId();
            commands.sendCommand(CaseCommands.openCase(caseId));

            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> key.equals(r.key()), 1).get(0);
            assertThat(header(dead, "dlt-reason-code")).isEqualTo("UNDECODABLE_PAYLOAD");
            assertThat(header(dead, "dlt-reason-message")).contains("C3 01");
            assertThat(header(dead, "dlt-original-position")).startsWith(Topics.CASE_COMMANDS);
            awaitInstance(caseId);
        }
    }

    @Test
    void anEventFoundDeliveredAfterACrashIsMarkedWithoutBeingDeliveredTwice() {
        String caseId = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(caseId));
        awaitInstance(caseId);
        verifyAll(caseId);
        awaitTask(caseId, "AZ-SMS", "case-officer");
        // a crash after the engine committed the correlation but before the inbox entry was marked
        mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId)),
                new Update().set("state", "PENDING").set("processInstanceId", null), "inbox");

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox("PENDING", caseId).isEmpty());
        assertThat(inbox("CORRELATED", caseId)).hasSize(3).allSatisfy(e -> assertThat(e.get("processInstanceId")).isNotNull());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseId).count()).isEqualTo(1);
        assertThat(caseEvents.typesOf(caseId)).containsExactly(REGISTERED, FORWARDED, DEADLINE_SET);
    }

    @Test
    void aStepThatRollsBackLeavesNoEventBehind() {
        String caseId = CaseCommands.newCaseId();
        caseFiles.register(CaseCommands.openCase(caseId));
        deployProbe("outbox-rollback-probe", "ServiceTask_PublishThenFail", true);
        deployProbe("outbox-publish-probe", "ServiceTask_PublishAndCommit", false);

        // the publishing step wrote its event to the outbox, then a later step of the same transaction failed
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("outbox-rollback-probe", caseId))
                .hasMessageContaining("noSuchStep");
        // the same event from a step that commits: the relay sends the outbox in order, so once this one is on the
        // topic, the rolled-back one would have been before it
        runtime.startProcessInstanceByKey("outbox-publish-probe", caseId);
        List<ConsumerRecord<String, byte[]>> sent = caseEvents.await(r -> caseId.equals(r.key()), 1);
        assertThat(sent).singleElement().satisfies(r -> assertThat(header(r, CloudEventHeaders.ID))
                .isEqualTo(org.readmission.events.EventIds.deterministic(caseId, "ServiceTask_PublishAndCommit", "", "")));
        assertThat(caseEvents.ofCase(caseId)).hasSize(1);
        assertThat(caseFiles.get(caseId).timeline()).extracting(t -> t.activityId()).containsExactly("ServiceTask_PublishAndCommit");
    }

    private void deployProbe(String key, String publishingStep, boolean failAfterwards) {
        var builder = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Probe")
                .serviceTask(publishingStep).camundaDelegateExpression("${publishCaseEvent}")
                .camundaInputParameter("eventType", REGISTERED);
        var model = failAfterwards
                ? builder.serviceTask("ServiceTask_Fail").camundaDelegateExpression("${noSuchStep}").endEvent("EndEvent_Probe").done()
                : builder.endEvent("EndEvent_Probe").done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    }

    @Test
    void theEngineSchemaHasTheIndexesOfThisService() throws Exception {
        java.util.Set<String> indexes = new java.util.HashSet<>();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_VARIABLE", "act_ru_variable")) {
                try (java.sql.ResultSet rows = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rows.next()) {
                        String name = rows.getString("INDEX_NAME");
                        if (name != null) {
                            indexes.add(name.toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(indexes).contains("RM_IDX_VAR_EXE_TASK_NAME");
    }
}
