package org.readmission.caseview.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open user tasks of a case, derived from its state the way {@code workflows/CONTRACT.md}'s task table
 * defines them. One row per rule:
 *
 * <pre>
 * | the case …                                         | task                                 | candidate group                   | due                 |
 * |----------------------------------------------------|--------------------------------------|-----------------------------------|---------------------|
 * | is closed                                          | none of the case's own (reintegration goes on, below) |                  |                     |
 * | has a person verified INTERVIEW_REQUIRED, no interview scheduled (per person) | UserTask_ScheduleInterview | requestedParty:consular-officer | — |
 * | has a person's interview scheduled, not held (per person) | UserTask_RecordInterviewOutcome | requestedParty:consular-officer | scheduled date |
 * | is forwarded, every person verified (interviews held), undecided | UserTask_DecideOnApplication         | requestedParty:case-officer       | reply deadline      |
 * | had its reply time limit expire, undecided         | UserTask_ReviewExpiredReply          | requestingParty:supervisor        | —                   |
 * | is approved (or deemed agreed), no travel document yet | UserTask_IssueTravelDocument         | requestedParty:consular-officer   | travel doc deadline |
 * | has its travel documents, no transfer scheduled    | UserTask_ProposeTransfer             | requestingParty:case-officer      | transfer deadline   |
 * | has a transfer scheduled, not on hold              | UserTask_ConfirmHandover             | requestedParty:border-officer     | scheduled date      |
 * | has an open protection hold (one row per hold)     | UserTask_ReviewProtectionHold        | placedBy:protection-officer       | —                   |
 * | handed a person over, no reintegration event for them yet (per person; also once closed) | UserTask_RecordConsent | requestedParty:reintegration-officer | — |
 * </pre>
 *
 * Not derivable from events, so not shown: the escalation tasks (timer-driven), {@code UserTask_ConfirmTransfer}
 * (the proposal is not published), {@code UserTask_ReviewTransferDeadline} (timer-driven). The handoff publishes
 * nothing between consent and the referral, so {@code UserTask_AssessNeeds} (which follows a given consent) is not
 * told apart from {@code UserTask_RecordConsent}: the case page offers the needs assessment with the consent task, and
 * the task API completes whichever of the two the engine has open; a refused consent ends the handoff silently, so
 * that person's consent task stays listed until the read model is told otherwise (known limit).
 */
public final class ExpectedTasks {

    public static final String DECIDE_ON_APPLICATION = "UserTask_DecideOnApplication";
    public static final String REVIEW_EXPIRED_REPLY = "UserTask_ReviewExpiredReply";
    public static final String ISSUE_TRAVEL_DOCUMENT = "UserTask_IssueTravelDocument";
    public static final String PROPOSE_TRANSFER = "UserTask_ProposeTransfer";
    public static final String CONFIRM_TRANSFER = "UserTask_ConfirmTransfer";
    public static final String CONFIRM_HANDOVER = "UserTask_ConfirmHandover";
    public static final String REVIEW_PROTECTION_HOLD = "UserTask_ReviewProtectionHold";
    public static final String SCHEDULE_INTERVIEW = "UserTask_ScheduleInterview";
    public static final String RECORD_INTERVIEW_OUTCOME = "UserTask_RecordInterviewOutcome";
    public static final String RECORD_CONSENT = "UserTask_RecordConsent";
    public static final String ASSESS_NEEDS = "UserTask_AssessNeeds";

    private ExpectedTasks() {
    }

    public static List<OpenTask> of(CaseFile file) {
        List<OpenTask> tasks = new ArrayList<>();
        String requesting = file.requestingParty();
        String requested = file.requestedParty();
        for (String personId : file.returnedPersonIds()) {
            if (file.reintegration(personId).isEmpty()) {
                tasks.add(new OpenTask(RECORD_CONSENT, requested, "reintegration-officer", null, personId));
            }
        }
        if (file.closed()) {
            return tasks;
        }
        if (file.state() == CaseState.VERIFYING) {
            for (CaseFile.Person person : file.persons()) {
                String id = person.personId();
                boolean interviewRequired = file.verification(id).map(v -> CaseFile.INTERVIEW_REQUIRED.equals(v.outcome())).orElse(false);
                var interview = file.interview(id);
                if (interviewRequired && interview.map(i -> i.scheduledAt() == null).orElse(true)) {
                    tasks.add(new OpenTask(SCHEDULE_INTERVIEW, requested, "consular-officer", null, id));
                } else if (interviewRequired && interview.get().heldAt() == null) {
                    tasks.add(new OpenTask(RECORD_INTERVIEW_OUTCOME, requested, "consular-officer", interview.get().scheduledAt(), id));
                }
            }
        }
        switch (file.state()) {
            case AWAITING_DECISION -> tasks.add(new OpenTask(DECIDE_ON_APPLICATION, requested, "case-officer",
                    file.replyDeadline().map(CaseFile.Deadline::dueAt).orElse(null)));
            case REPLY_EXPIRED -> tasks.add(new OpenTask(REVIEW_EXPIRED_REPLY, requesting, "supervisor", null));
            case APPROVED -> tasks.add(new OpenTask(ISSUE_TRAVEL_DOCUMENT, requested, "consular-officer",
                    due(file, "TRAVEL_DOCUMENT")));
            case TRAVEL_DOCUMENT_ISSUED -> tasks.add(new OpenTask(PROPOSE_TRANSFER, requesting, "case-officer",
                    due(file, "TRANSFER")));
            case TRANSFER_SCHEDULED -> {
                if (!file.onHold()) {
                    tasks.add(new OpenTask(CONFIRM_HANDOVER, requested, "border-officer",
                            file.transfer() == null ? null : file.transfer().scheduledAt()));
                }
            }
            default -> {
                // REGISTERED, VERIFYING: the engine is at a service step or waits for identity verification
            }
        }
        for (CaseFile.Hold hold : file.openHolds()) {
            String party = hold.placedBy() == null ? requesting : hold.placedBy();
            tasks.add(new OpenTask(REVIEW_PROTECTION_HOLD, party, "protection-officer", null));
        }
        return tasks;
    }

    private static Instant due(CaseFile file, String kind) {
        return file.deadline(kind).map(CaseFile.Deadline::dueAt).orElse(null);
    }
}
