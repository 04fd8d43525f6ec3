package org.readmission.caseview.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The task table of workflows/CONTRACT.md, row by row. */
class ExpectedTasksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant DUE = Instant.parse("2026-03-17T08:00:00Z");
    private int events;

    private CaseFile.Applied at(long minutes) {
        return new CaseFile.Applied("e" + (++events), "t", T0.plusSeconds(minutes * 60), "case-workflow", "k", List.of());
    }

    private CaseFile forwardedAndVerified() {
        CaseFile file = CaseFile.of(new CaseFile.CaseRef("RC-1", "APP-1", "DE-BPOL", "AZ-SMS"));
        file.forwarded(at(0), "NORMAL", "OWN_NATIONAL", T0, List.of(new CaseFile.Person("P1", "MAIN_PERSON", "Anar", "Əliyev",
                null, null, null, "MALE", "AZE", List.of(), List.of(), false, false)));
        file.deadlineSet(at(1), new CaseFile.Deadline("REPLY", T0, DUE, "r", "c", "p", "s", "c", "e"));
        return file;
    }

    private static List<String> tasks(CaseFile file) {
        return ExpectedTasks.of(file).stream().map(t -> t.taskKey() + "@" + t.candidateGroup()).toList();
    }

    @Test
    void noTaskWhilePersonsAreBeingVerified() {
        assertThat(tasks(forwardedAndVerified())).isEmpty();
    }

    @Test
    void requestedPartysCaseOfficerDecidesOnceEveryPersonIsVerified() {
        CaseFile file = forwardedAndVerified();
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        assertThat(tasks(file)).containsExactly("UserTask_DecideOnApplication@AZ-SMS:case-officer");
        assertThat(ExpectedTasks.of(file).get(0).dueAt()).isEqualTo(DUE);
    }

    @Test
    void anExtensionMovesTheDueDate() {
        CaseFile file = forwardedAndVerified();
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        Instant extended = DUE.plusSeconds(15 * 86400);
        file.deadlineSet(at(3), new CaseFile.Deadline("EXTENDED_REPLY", T0, extended, "r", "c", "p", "s", "c", "e"));
        assertThat(ExpectedTasks.of(file).get(0).dueAt()).isEqualTo(extended);
    }

    @Test
    void requestingPartysSupervisorReviewsAnExpiredReply() {
        CaseFile file = forwardedAndVerified();
        file.replyExpired(at(3), new CaseFile.Deadline("REPLY", T0, DUE, "r", "c", "p", "s", "c", "e"));
        assertThat(tasks(file)).containsExactly("UserTask_ReviewExpiredReply@DE-BPOL:supervisor");
    }

    @Test
    void approvalAsksTheConsularOfficerForATravelDocumentThenTheRequestingPartyForATransfer() {
        CaseFile file = forwardedAndVerified();
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.decided(at(3), new CaseFile.Decision("APPROVED", T0, "AZ-SMS", "ok", List.of("P1"), List.of(), false));
        assertThat(tasks(file)).containsExactly("UserTask_IssueTravelDocument@AZ-SMS:consular-officer");
        assertThat(ExpectedTasks.of(file).get(0).dueAt()).isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        file.travelDocumentIssued(at(4), new CaseFile.TravelDocument("P1", "LP1", null, true, T0));
        assertThat(tasks(file)).containsExactly("UserTask_ProposeTransfer@DE-BPOL:case-officer");
        file.transferScheduled(at(5), DUE, "GYD", null);
        assertThat(tasks(file)).containsExactly("UserTask_ConfirmHandover@AZ-SMS:border-officer");
    }

    @Test
    void aHoldIsReviewedByTheRaisingPartysProtectionOfficerAndBlocksTheHandover() {
        CaseFile file = forwardedAndVerified();
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.decided(at(3), new CaseFile.Decision("APPROVED", T0, "AZ-SMS", "ok", List.of("P1"), List.of(), false));
        file.travelDocumentIssued(at(4), new CaseFile.TravelDocument("P1", "LP1", null, true, T0));
        file.transferScheduled(at(5), DUE, "GYD", null);
        file.holdPlaced(at(6), null, "NON_REFOULEMENT", "DE-BPOL");
        assertThat(tasks(file)).containsExactly("UserTask_ReviewProtectionHold@DE-BPOL:protection-officer");
        file.holdReleased(at(7));
        assertThat(tasks(file)).containsExactly("UserTask_ConfirmHandover@AZ-SMS:border-officer");
    }

    @Test
    void refusalAndClosingLeaveNoTask() {
        CaseFile file = forwardedAndVerified();
        file.verificationCompleted(at(2), "P1", "CONFIRMED", List.of(), "PROOF", T0);
        file.decided(at(3), new CaseFile.Decision("REFUSED", T0, "AZ-SMS", "no", List.of(), List.of("OTHER"), false));
        assertThat(tasks(file)).isEmpty();
        file.closed(at(4), "REFUSED", T0);
        assertThat(tasks(file)).isEmpty();
    }
}
