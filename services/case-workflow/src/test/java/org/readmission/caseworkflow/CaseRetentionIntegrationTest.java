package org.readmission.caseworkflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.ErasureReason;
import org.readmission.events.partner.ErasureScope;
import org.readmission.events.partner.PersonalDataErased;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.messaging.DeadLetters;
import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
import org.readmission.retention.Retention;
import org.readmission.retention.RetentionJob;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.MovableClock;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A refused case past its retention period (36 months from closure, agreement profile eu-az/1): the case file keeps
 * ids, the application and the inbox's copies of the partners' messages are gone and no longer decrypt, its process
 * history is deleted, both parties are told once, another case is untouched, and a late message cannot bring data
 * back. The clock follows real time so that the inbox works as usual, and jumps the years ahead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "readmission.retention.initial-delay=P1D"})
// the parties' notification topics are the gateway's; here the test makes them
@EmbeddedKafka(kraft = true, partitions = 3, topics = {"readmission.partner-notifications.de-bpol",
        "readmission.partner-notifications.az-sms", "identity.verification-results.dlt"})
@ActiveProfiles("test")
@DirtiesContext
@Import({InfrastructureTestModel.class, CaseRetentionIntegrationTest.ControlledClock.class})
class CaseRetentionIntegrationTest extends CaseWorkflowTestBase {

    static final MovableClock CLOCK = MovableClock.ticking();
    static final SensitiveField APPLICATION = () -> "application";
    static final SensitiveField INBOX_PAYLOAD = () -> "payload";

    @TestConfiguration
    static class ControlledClock {
        @Bean
        @Primary
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_retention"));
    }

    @Autowired
    RetentionJob job;
    @Autowired
    Retention retention;
    @Autowired
    CaseKeys caseKeys;

    TopicReader requestingParty;
    TopicReader requestedParty;
    TopicReader verificationResultsDlt;

    @BeforeEach
    void readNotices() {
        requestingParty = new TopicReader(brokers, Topics.partnerNotifications(CaseCommands.REQUESTING));
        requestedParty = new TopicReader(brokers, Topics.partnerNotifications(CaseCommands.REQUESTED));
        verificationResultsDlt = new TopicReader(brokers, Topics.IDENTITY_VERIFICATION_RESULTS + ".dlt");
    }

    @AfterEach
    void stopReading() {
        requestingParty.close();
        requestedParty.close();
        verificationResultsDlt.close();
    }

    @Test
    void aCasePastItsRetentionPeriodHasNoReadablePersonalDataLeftAndThePartiesAreToldOnce() {
        String closedCase = CaseCommands.newCaseId();
        String openCase = CaseCommands.newCaseId();
        commands.sendCommand(CaseCommands.openCase(closedCase));
        commands.sendCommand(CaseCommands.openCase(openCase));
        verifyAll(closedCase);
        caseEvents.await(r -> closedCase.equals(r.key()) && DEADLINE_SET.equals(type(r)), 1);
        commands.sendCommand(CaseCommands.decision(closedCase, ReadmissionDecisionType.REFUSED,
                RefusalReason.NATIONALITY_NOT_ESTABLISHED));
        ConsumerRecord<String, byte[]> closed = caseEvents.await(r -> closedCase.equals(r.key()) && CLOSED.equals(type(r)), 1).get(0);
        Instant closedAt = ((CaseClosed) commands.decode(closed.value())).getClosedAt();
        await().atMost(Duration.ofSeconds(30)).until(() -> retention.of(closedCase).isPresent()
                && history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closedCase).finished().count() == 1);
        Instant retainUntil = retention.of(closedCase).orElseThrow().retainUntil();
        assertThat(retainUntil).isEqualTo(closedAt.atZone(java.time.ZoneOffset.UTC).plusMonths(36).toInstant());

        // at rest before the end: document numbers are sealed in the case file and in the inbox
        String documentNumber = "C0" + "e1".hashCode();
        RawBsonDocument fileBefore = raw("cases", closedCase);
        assertThat(fileBefore.toJson()).doesNotContain(documentNumber).contains("Məmmədov");
        byte[] sealedApplication = ((Binary) Document.parse(fileBefore.toJson()).get("application", Binary.class)).getData();
        assertThat(new String(caseKeys.decrypt(closedCase, sealedApplication, APPLICATION), UTF_8)).contains(documentNumber);
        List<RawBsonDocument> inboxBefore = inboxOf(closedCase);
        assertThat(inboxBefore).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(entry -> assertThat(entry.toJson()).doesNotContain(documentNumber, "Məmmədov", "Elvin"));
        RawBsonDocument openCommand = inboxBefore.stream().filter(e -> new String(caseKeys.decrypt(closedCase,
                e.getString("_id").getValue(), payloadOf(e), INBOX_PAYLOAD), UTF_8).contains(documentNumber))
                .findFirst().orElseThrow();
        byte[] sealedCommand = payloadOf(openCommand);
        String openCommandId = openCommand.getString("_id").getValue();
        String processInstanceId = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closedCase)
                .singleResult().getId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count()).isPositive();

        // a day before the end nothing happens
        CLOCK.advance(Duration.between(CLOCK.instant(), retainUntil.minus(1, ChronoUnit.DAYS)));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));
        assertThat(caseFiles.application(caseFiles.get(closedCase)).getPersons()).hasSize(2);

        // past the end: erased
        CLOCK.advance(Duration.ofDays(2));
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(1, 0, 0));
        String fileAfter = raw("cases", closedCase).toJson();
        assertThat(fileAfter).doesNotContain("Məmmədov", "Elvin", "Aynur", "1988", documentNumber);
        assertThat(Document.parse(fileAfter)).doesNotContainKey("application").containsKey("erasedAt")
                .containsEntry("requestingParty", CaseCommands.REQUESTING).containsEntry("requestedParty", CaseCommands.REQUESTED);
        CaseFile erased = caseFiles.get(closedCase);
        assertThat(erased.persons()).extracting(CaseFile.PersonEntry::personId).containsExactly("p1", "p2");
        assertThat(erased.persons()).allSatisfy(p -> assertThat(p.surname()).isNull());
        assertThat(inboxOf(closedCase)).allSatisfy(entry -> assertThat(Document.parse(entry.toJson()))
                .doesNotContainKey("payload").containsKey("erasedAt"));
        assertThatThrownBy(() -> caseKeys.decrypt(closedCase, sealedApplication, APPLICATION))
                .isInstanceOf(CaseKeyShreddedException.class);
        assertThatThrownBy(() -> caseKeys.decrypt(closedCase, openCommandId, sealedCommand, INBOX_PAYLOAD))
                .isInstanceOf(CaseKeyShreddedException.class);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(closedCase).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count()).isZero();

        // the open case is untouched
        assertThat(caseFiles.application(caseFiles.get(openCase)).getPersons()).hasSize(2);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(openCase).count()).isEqualTo(1);

        // both parties are told, once
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            ConsumerRecord<String, byte[]> record = party.await(r -> closedCase.equals(r.key()), 1).get(0);
            PersonalDataErased notice = (PersonalDataErased) commands.decode(record.value());
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(EventIds.deterministic(closedCase, "erased:CASE_FILE"));
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("case-workflow");
            assertThat(notice.getReason()).isEqualTo(ErasureReason.RETENTION_EXPIRED);
            assertThat(notice.getScope()).containsExactly(ErasureScope.CASE_FILE);
            assertThat(notice.getPersonIds()).containsExactly("p1", "p2");
            assertThat(notice.getRetentionEndedAt()).isEqualTo(retainUntil);
        }
        assertThat(job.run()).isEqualTo(new RetentionJob.Run(0, 0, 0));

        // a late message of the erased case is refused, not stored
        commands.sendVerification(CaseCommands.verified(closedCase, "p1", VerificationOutcome.CONFIRMED));
        ConsumerRecord<String, byte[]> refused = verificationResultsDlt.await(r -> closedCase.equals(r.key()), 1).get(0);
        assertThat(header(refused, DeadLetters.REASON_CODE)).isEqualTo(Retention.CASE_ERASED);
        for (TopicReader party : List.of(requestingParty, requestedParty)) {
            assertThat(party.ofCase(closedCase)).hasSize(1);
        }
    }

    static byte[] payloadOf(RawBsonDocument entry) {
        return entry.getBinary("payload").getData();
    }

    List<RawBsonDocument> inboxOf(String caseId) {
        return mongo.getCollection("inbox").withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("caseId", caseId)).into(new java.util.ArrayList<>());
    }

    RawBsonDocument raw(String collection, String id) {
        RawBsonDocument document = mongo.getCollection(collection).withDocumentClass(RawBsonDocument.class)
                .find(Filters.eq("_id", id)).first();
        assertThat(document).as(collection + " " + id).isNotNull();
        return document;
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

}
