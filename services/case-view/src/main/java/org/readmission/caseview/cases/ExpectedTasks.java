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
 * | is closed                                          | none (a closing end ends every task) |                                   |                     |
 * | is forwarded, every person verified, undecided     | UserTask_DecideOnApplication         | requestedParty:case-officer       | reply deadline      |
 * | had its reply time limit expire, undecided         | UserTask_ReviewExpiredReply          | requestingParty:supervisor        | —                   |
 * | is approved, no travel document yet                | UserTask_IssueTravelDocument         | requestedParty:consular-officer   | travel doc deadline |
 * | has its travel documents, no transfer scheduled    | UserTask_ProposeTransfer             | requestingParty:case-officer      | transfer deadline   |
 * | has a transfer scheduled, not on hold              | UserTask_ConfirmHandover             | requestedParty:border-officer     | scheduled date      |
 * | has an open protection hold (one row per hold)     | UserTask_ReviewProtectionHold        | placedBy:protection-officer       | —                   |
 * </pre>
 *
 * Not derivable from events, so not shown: the escalation tasks (timer-driven), {@code UserTask_ConfirmTransfer}
 * (the proposal is not published), {@code UserTask_ReviewTransferDeadline} (timer-driven).
 */
public final class ExpectedTasks {

    public static final String DECIDE_ON_APPLICATION = "UserTask_DecideOnApplication";
    public static final String REVIEW_EXPIRED_REPLY = "UserTask_ReviewExpiredReply";
    public static final String ISSUE_TRAVEL_DOCUMENT = "UserTask_IssueTravelDocument";
    public static final String PROPOSE_TRANSFER = "UserTask_ProposeTransfer";
    public static final String CONFIRM_TRANSFER = "UserTask_ConfirmTransfer";
    public static final String CONFIRM_HANDOVER = "UserTask_ConfirmHandover";
    public static final String REVIEW_PROTECTION_HOLD = "UserTask_ReviewProtectionHold";

    private ExpectedTasks() {
    }

    public static List<OpenTask> of(CaseFile file) {
        List<OpenTask> tasks = new ArrayList<>();
        if (file.closed()) {
            return tasks;
        }
        String requesting = file.requestingParty();
        String requested = file.requestedParty();
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
