package org.readmission.caseview.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rows of the task table added with the consular interview, the deemed agreement and the reintegration handoff
 * (workflows/CONTRACT.md, workflows/REINTEGRATION-CONTRACT.md).
 */
class InterviewAndReintegrationTasksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-17T08:00:00Z");
    private static final Instant INTERVIEW = Instant.parse("2026-03-09T10:00:00Z");
    private int events;

    private CaseFile.Applied at(long minutes) {
        return new CaseFile.Applied("e" + (++events), "t", T0.plusSeconds(minutes * 60), "case-workflow", "k", List.of());
    }

    private static CaseFile.Person person(String id) {
        return new CaseFile.Person(id, "MAIN_PERSON", "Anar", "Əliyev", null, null, null, "MALE", "AZE", List.of(), List.of(), false, false);
    }

    private CaseFile forwarded(String... personIds) {
        CaseFile file = CaseFile.of(new CaseFile.CaseRef("RC-1", "APP-1", "DE-BPOL", "AZ-SMS"));
        file.forwarded(at(0), "NORMAL", "OWN_NATIONAL", T0, java.util.Arrays.stream(personIds).map(InterviewAndReintegrationTasksTest::person).toList());
        file.deadlineSet(at(1), new CaseFile.Deadline("REPLY", T0, DUE, "r", "c", "p", "s", "c", "e"));
        return file;
    }

    private static List<String> tasks(CaseFile file) {
        return ExpectedTasks.of(file).stream().map(t -> t.taskKey() + "@" + t.candidateGroup() + (t.personId() == null ? "" : "/" + t.personId())).toList();
    }

    private static CaseFile.Deadline target() {
        return new CaseFile.Deadline("INTERVIEW_TARGET", T0, INTERVIEW.plusSeconds(86400), "r", "c", "p", "s", "c", "e");
    }

    @Test
    void anInterviewIsScheduledThenItsOutcomeRecordedBeforeTheDecision() {
        CaseFile file = forwarded("P1", "P2");
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.verificationCompleted(at(3), "P2", "INTERVIEW_REQUIRED", List.of("NO_DOCUMENT"), "INTERVIEW_REQUIRED", T0);
        assertThat(file.state()).isEqualTo(CaseState.VERIFYING);
        assertThat(tasks(file)).containsExactly("UserTask_ScheduleInterview@AZ-SMS:consular-officer/P2");

        file.interviewScheduled(at(4), "P2", INTERVIEW, "Consulate, Berlin", target());
        assertThat(tasks(file)).containsExactly("UserTask_RecordInterviewOutcome@AZ-SMS:consular-officer/P2");
        assertThat(ExpectedTasks.of(file).get(0).dueAt()).isEqualTo(INTERVIEW);

        file.interviewHeld(at(5), "P2", true, INTERVIEW);
        assertThat(file.state()).isEqualTo(CaseState.AWAITING_DECISION);
        assertThat(tasks(file)).containsExactly("UserTask_DecideOnApplication@AZ-SMS:case-officer");
        assertThat(file.verificationOutcome("P2")).contains("CONFIRMED");
        assertThat(file.interview("P2").orElseThrow().place()).isEqualTo("Consulate, Berlin");
    }

    @Test
    void everyPersonNeedingAnInterviewHasATaskOfTheirOwn() {
        CaseFile file = forwarded("P1", "P2");
        file.verificationCompleted(at(2), "P1", "INTERVIEW_REQUIRED", List.of(), "INTERVIEW_REQUIRED", T0);
        file.verificationCompleted(at(3), "P2", "INTERVIEW_REQUIRED", List.of(), "INTERVIEW_REQUIRED", T0);
        file.interviewScheduled(at(4), "P1", INTERVIEW, "Consulate", target());
        file.interviewHeld(at(5), "P1", false, INTERVIEW);
        assertThat(tasks(file)).containsExactly("UserTask_ScheduleInterview@AZ-SMS:consular-officer/P2");
        assertThat(file.verificationOutcome("P1")).contains("NOT_CONFIRMED");
    }

    @Test
    void aDeemedAgreementOpensTheTravelDocumentAndIsAMissedReply() {
        CaseFile file = forwarded("P1", "P2");
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.verificationCompleted(at(3), "P2", "CONFIRMED", List.of(), "PROOF", T0);
        file.decided(at(4), new CaseFile.Decision("DEEMED_AGREED", T0.plusSeconds(3600), "DE-BPOL", "no reply", List.of("P1"), List.of(), false));
        assertThat(file.state()).isEqualTo(CaseState.APPROVED);
        assertThat(tasks(file)).containsExactly("UserTask_IssueTravelDocument@AZ-SMS:consular-officer");
        assertThat(file.approvedPersonIds()).containsExactly("P1", "P2");
        assertThat(file.decidedWithinLimit()).contains(false);
        org.readmission.protection.BlindIndex index = new org.readmission.protection.BlindIndex(org.readmission.protection.Keysets
                .generate(com.google.crypto.tink.prf.PredefinedPrfParameters.HMAC_SHA256_PRF));
        assertThat(CaseIndexEntry.of(file, index).decision()).isEqualTo("DEEMED_AGREED");
    }

    @Test
    void eachReturnedPersonsConsentIsAskedForEvenOnceTheCaseIsClosed() {
        CaseFile file = forwarded("P1", "P2");
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.verificationCompleted(at(3), "P2", "CONFIRMED", List.of(), "PROOF", T0);
        file.decided(at(4), new CaseFile.Decision("APPROVED", T0, "AZ-SMS", "m", List.of("P1", "P2"), List.of(), false));
        file.transferCompleted(at(5), T0, "GYD", List.of("P1", "P2"));
        file.closed(at(6), "TRANSFERRED", T0);
        assertThat(tasks(file)).containsExactly("UserTask_RecordConsent@AZ-SMS:reintegration-officer/P1",
                "UserTask_RecordConsent@AZ-SMS:reintegration-officer/P2");

        file.reintegrationReferred(at(7), "P1", true);
        file.reintegrationConsentWithdrawn(at(8), "P2");
        assertThat(tasks(file)).isEmpty();
        assertThat(file.reintegration("P2").orElseThrow().stage()).isEqualTo("CONSENT_WITHDRAWN");
    }

    @Test
    void theHandoffsProviderAndClosureReachTheFunnel() {
        CaseFile file = forwarded("P1");
        file.reintegrationReferred(at(1), "P1", true);
        file.reintegrationProviderAssigned(at(2), "P1", "AZ-IOM");
        assertThat(file.reintegration("P1").orElseThrow().provider()).isEqualTo("AZ-IOM");
        assertThat(file.reintegration("P1").orElseThrow().stage()).isEqualTo("REFERRED");
        file.reintegrationProgress(at(3), "P1", "ACCEPTED", null);
        file.reintegrationClosed(at(4), "P1", "COMPLETED");
        assertThat(file.reintegration("P1").orElseThrow().stage()).isEqualTo("CLOSED");
        assertThat(file.reintegration("P1").orElseThrow().provider()).isEqualTo("AZ-IOM");
        file.reintegrationProviderAssigned(at(5), "P1", null);
        assertThat(file.reintegration("P1").orElseThrow().stage()).isEqualTo("NO_PROVIDER");
    }
}
