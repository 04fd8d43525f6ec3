package org.readmission.caseview.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseFiles;
import org.readmission.caseview.cases.CaseIndex;
import org.readmission.caseview.cases.CaseState;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.cases.ExpectedTasks;
import org.readmission.caseview.cases.PartyScope;
import org.readmission.caseview.cases.TaskListQuery;
import org.readmission.events.Topics;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.EventPublisher;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.readmission.testsignin.Officers;
import org.springframework.test.web.servlet.MockMvc;

/** Case events on the topics → the read model: state, deadlines, open tasks, timeline; redelivery; poison; isolation. */
class ProjectionIntegrationTest extends CaseViewIntegrationTest {

    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @Autowired CaseFiles files;
    @Autowired CaseIndex index;
    @Autowired KafkaTemplate<String, byte[]> kafka;
    @Autowired MockMvc mvc;
    @Value("${spring.embedded.kafka.brokers}") String brokers;

    private CaseFile awaitCase(String caseId, java.util.function.Predicate<CaseFile> until) {
        await().atMost(Duration.ofSeconds(20)).until(() -> store.load(caseId).filter(until).isPresent());
        return store.load(caseId).orElseThrow();
    }

    @Test
    void projectsTheLifeOfACaseWithItsOpenTasks() {
        var c = CaseEventFixtures.Case.of("RC-P-1", "DE-BPOL", "AZ-SMS");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Rəşad", "Məmmədov", "Рашад Мамедов", "C1234567"))));
        publish(publisher, c, c.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        CaseFile verifying = awaitCase("RC-P-1", f -> f.deadlines().size() == 1);
        assertThat(verifying.state()).isEqualTo(CaseState.VERIFYING);
        assertThat(verifying.openTasks()).isEmpty();
        assertThat(verifying.replyDeadline().orElseThrow().explanation()).contains("15 calendar days").contains("eu-az/1");

        publish(publisher, c, c.verified(t0.plusSeconds(60), "P1"));
        CaseFile awaiting = awaitCase("RC-P-1", f -> f.state() == CaseState.AWAITING_DECISION);
        assertThat(awaiting.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskKey()).isEqualTo(ExpectedTasks.DECIDE_ON_APPLICATION);
            assertThat(t.candidateGroup()).isEqualTo("AZ-SMS:case-officer");
            assertThat(t.dueAt()).isEqualTo(t0.plus(Duration.ofDays(15)));
        });

        publish(publisher, c, c.decided(t0.plus(Duration.ofDays(3)), ReadmissionDecisionType.APPROVED, "P1"));
        CaseFile approved = awaitCase("RC-P-1", f -> f.state() == CaseState.APPROVED);
        assertThat(approved.openTasks()).extracting(t -> t.taskKey() + "@" + t.candidateGroup())
                .containsExactly(ExpectedTasks.ISSUE_TRAVEL_DOCUMENT + "@AZ-SMS:consular-officer");
        assertThat(approved.decidedWithinLimit()).contains(true);

        publish(publisher, c, c.holdPlaced(t0.plus(Duration.ofDays(4))));
        CaseFile held = awaitCase("RC-P-1", CaseFile::onHold);
        assertThat(held.openTasks()).extracting(t -> t.taskKey() + "@" + t.candidateGroup())
                .contains(ExpectedTasks.REVIEW_PROTECTION_HOLD + "@DE-BPOL:protection-officer");
        assertThat(held.timeline()).extracting(CaseFile.TimelineEntry::type)
                .containsExactly("case.application-forwarded", "case.reply-deadline-set", "identity.verification-completed",
                        "case.readmission-decided", "case.protection-hold-placed");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        var c = CaseEventFixtures.Case.of("RC-P-2", "DE-BPOL", "AZ-SMS");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Anar", "Əliyev", null, "C7654321"))), "id-fwd-2");
        publish(publisher, c, c.holdPlaced(t0.plusSeconds(10)), "id-hold-2");
        publish(publisher, c, c.holdPlaced(t0.plusSeconds(10)), "id-hold-2");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Anar", "Əliyev", null, "C7654321"))), "id-fwd-2");
        publish(publisher, c, c.closed(t0.plusSeconds(20), org.readmission.events.partner.CaseOutcome.WITHDRAWN), "id-closed-2");
        CaseFile file = awaitCase("RC-P-2", CaseFile::closed);
        assertThat(file.timeline()).hasSize(3);
        assertThat(file.holdsPlaced()).isEqualTo(1);
        assertThat(file.openTasks()).isEmpty();
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopicAndDoNotBlock() {
        try (TopicReader dlt = new TopicReader(brokers, Topics.dlt(Topics.CASE_EVENTS))) {
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.CASE_EVENTS, "RC-P-3", new byte[]{1, 2, 3});
            garbage.headers().add("ce_id", "x".getBytes()).add("ce_type", "org.readmission.case.closed.v1".getBytes())
                    .add("ce_source", "test".getBytes()).add("ce_specversion", "1.0".getBytes());
            kafka.send(garbage);
            var c = CaseEventFixtures.Case.of("RC-P-3", "DE-BPOL", "AZ-SMS");
            publish(publisher, c, c.registered(Instant.parse("2026-03-02T08:00:00Z")));
            var dead = dlt.await(r -> "RC-P-3".equals(r.key()), 1);
            assertThat(new String(dead.get(0).headers().lastHeader(DeadLetters.REASON_CODE).value())).isEqualTo("UNDECODABLE_PAYLOAD");
            awaitCase("RC-P-3", f -> true);
        }
    }

    @Test
    void aCorrectionReplacesThePersonInTheReadModelAndItsSearchIndex() throws Exception {
        var c = CaseEventFixtures.Case.of("RC-P-RECT", "DE-BPOL", "AZ-SMS");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Elçin", "Quliyev", null, "C7770001"))));
        awaitCase("RC-P-RECT", f -> f.state() == CaseState.VERIFYING);
        PartyScope requested = new PartyScope("AZ-SMS");
        assertThat(index.search(requested, null, null, "C7770001", 10)).extracting(e -> e.caseId()).containsExactly("RC-P-RECT");

        publish(publisher, c, c.rectified(t0.plus(Duration.ofDays(1)), person("P1", "Elçin", "Quliyevli", null, "C7770009")));
        CaseFile corrected = awaitCase("RC-P-RECT", f -> f.persons().get(0).surname().equals("Quliyevli"));

        assertThat(corrected.persons()).singleElement().satisfies(p -> assertThat(p.documents()).extracting(d -> d.number())
                .containsExactly("C7770009"));
        assertThat(index.search(requested, null, null, "C7770001", 10)).isEmpty();
        assertThat(index.search(requested, null, null, "C7770009", 10)).extracting(e -> e.caseId()).containsExactly("RC-P-RECT");
        assertThat(index.search(requested, null, "Quliyevli", null, 10)).extracting(e -> e.caseId()).contains("RC-P-RECT");
        mvc.perform(get("/cases/RC-P-RECT/timeline").with(Officers.signedIn("az-sms.officer")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("corrected by DE-BPOL")));
    }

    @Test
    void anotherPartysCaseIsInvisibleToQueriesAndPages() throws Exception {
        var c = CaseEventFixtures.Case.of("RC-P-4", "NL-DTV", "AZ-SMS");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Elçin", "Quliyev", null, "C1112223"))));
        publish(publisher, c, c.expired(t0.plus(Duration.ofDays(16)), t0.plus(Duration.ofDays(15))));
        awaitCase("RC-P-4", f -> f.state() == CaseState.REPLY_EXPIRED);

        assertThat(files.find("RC-P-4", new PartyScope("NL-DTV"))).isPresent();
        assertThat(files.find("RC-P-4", new PartyScope("DE-BPOL"))).isEmpty();
        assertThat(index.search(new PartyScope("DE-BPOL"), "RC-P-4", null, null, 10)).isEmpty();
        assertThat(index.search(new PartyScope("DE-BPOL"), null, "Guliyev", null, 10)).isEmpty();
        assertThat(index.search(new PartyScope("AZ-SMS"), null, "Guliyev", null, 10)).extracting(e -> e.caseId()).contains("RC-P-4");
        assertThat(index.tasks(new PartyScope("DE-BPOL"), new TaskListQuery(null, null, null, null, null, null, 0, 200)).rows())
                .noneMatch(r -> r.caseId().equals("RC-P-4"));

        mvc.perform(get("/cases/RC-P-4").with(Officers.signedIn("de-bpol.officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/cases/RC-P-4/timeline").with(Officers.signedIn("de-bpol.officer"))).andExpect(status().isNotFound());
        mvc.perform(get("/search").param("reference", "RC-P-4").with(Officers.signedIn("de-bpol.officer")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("RC-P-4</a>"))));
        mvc.perform(get("/cases/RC-P-4").with(Officers.signedIn("az-sms.officer"))).andExpect(status().isOk());
        mvc.perform(get("/dashboard").with(Officers.signedIn("az-sms.officer"))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks").param("scope", "party").with(Officers.signedIn("de-bpol.officer")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("RC-P-4"))));
        Optional<CaseFile> none = files.find("RC-P-4", new PartyScope("AZ-SMS"));
        assertThat(none).isPresent();
    }

    @Test
    void projectsTheConsularInterviewDeemedAgreementAndReintegrationHandoff() throws Exception {
        var c = CaseEventFixtures.Case.of("RC-P-5", "DE-BPOL", "AZ-SMS");
        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        Instant interviewAt = t0.plus(Duration.ofDays(5));
        publish(publisher, c, c.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Rəşad", "Məmmədov", null, "C5550001"),
                person("P2", "Leyla", "Məmmədova", null, "C5550002"))));
        publish(publisher, c, c.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        publish(publisher, c, c.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, c, c.interviewRequired(t0.plusSeconds(90), "P2"));
        CaseFile toSchedule = awaitCase("RC-P-5", f -> f.verification("P2").isPresent());
        assertThat(toSchedule.openTasks()).extracting(t -> t.taskKey() + "/" + t.personId())
                .containsExactly(ExpectedTasks.SCHEDULE_INTERVIEW + "/P2");
        mvc.perform(get("/cases/RC-P-5").with(Officers.signedIn("az-mfa.consular")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"schedule-interview-P2\"")));

        publish(publisher, c, c.interviewScheduled(t0.plus(Duration.ofDays(1)), "P2", interviewAt, "AZ consulate, Berlin"));
        CaseFile scheduled = awaitCase("RC-P-5", f -> f.interview("P2").isPresent());
        assertThat(scheduled.openTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskKey()).isEqualTo(ExpectedTasks.RECORD_INTERVIEW_OUTCOME);
            assertThat(t.dueAt()).isEqualTo(interviewAt);
        });
        assertThat(scheduled.interview("P2").orElseThrow().target().explanation()).contains("eu-az/1");

        publish(publisher, c, c.interviewHeld(interviewAt, "P2", true));
        CaseFile awaiting = awaitCase("RC-P-5", f -> f.state() == CaseState.AWAITING_DECISION);
        assertThat(awaiting.verificationOutcome("P2")).contains("CONFIRMED");

        publish(publisher, c, c.decided(t0.plus(Duration.ofDays(16)), ReadmissionDecisionType.DEEMED_AGREED));
        CaseFile deemed = awaitCase("RC-P-5", f -> f.state() == CaseState.APPROVED);
        assertThat(deemed.openTasks()).extracting(t -> t.taskKey()).containsExactly(ExpectedTasks.ISSUE_TRAVEL_DOCUMENT);
        assertThat(deemed.decidedWithinLimit()).contains(false);

        publish(publisher, c, c.transferCompleted(t0.plus(Duration.ofDays(20)), "P1", "P2"));
        publish(publisher, c, c.closed(t0.plus(Duration.ofDays(20)), org.readmission.events.partner.CaseOutcome.TRANSFERRED));
        CaseFile returned = awaitCase("RC-P-5", CaseFile::closed);
        assertThat(returned.openTasks()).extracting(t -> t.taskKey() + "@" + t.candidateGroup() + "/" + t.personId())
                .containsExactly(ExpectedTasks.RECORD_CONSENT + "@AZ-SMS:reintegration-officer/P1",
                        ExpectedTasks.RECORD_CONSENT + "@AZ-SMS:reintegration-officer/P2");

        publish(publisher, c, c.referral(t0.plus(Duration.ofDays(21)), "P1"));
        publish(publisher, c, c.providerAssigned(t0.plus(Duration.ofDays(21)), "P1", "AZ-IOM"));
        publish(publisher, c, c.reintegrationClosed(t0.plus(Duration.ofDays(200)), "P1",
                org.readmission.events.reintegration.ReintegrationOutcome.COMPLETED));
        publish(publisher, c, c.consentWithdrawn(t0.plus(Duration.ofDays(22)), "P2"));
        CaseFile handedOff = awaitCase("RC-P-5", f -> f.reintegration().size() == 2
                && f.reintegration("P1").map(r -> "CLOSED".equals(r.stage())).orElse(false));
        assertThat(handedOff.openTasks()).isEmpty();
        assertThat(handedOff.reintegration("P1").orElseThrow().provider()).isEqualTo("AZ-IOM");
        assertThat(handedOff.reintegration("P2").orElseThrow().stage()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(handedOff.timeline()).extracting(CaseFile.TimelineEntry::type)
                .contains("case.consular-interview-scheduled", "case.consular-interview-held",
                        "reintegration.provider-assigned", "reintegration.consent-withdrawn", "reintegration.closed");
    }
}
