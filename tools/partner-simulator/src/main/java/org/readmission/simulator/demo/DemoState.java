package org.readmission.simulator.demo;

/**
 * Where a demo case is driven to and left, with its share of the demo (weight, in percent; they add up to 100) and the task at which it stops (null:
 * the case ends, seen as {@code case.closed} on readmission.case-events). Two states bypass the gateway: their
 * {@code OpenReadmissionCase} command carries a receipt days in the past, so the reply time limit has passed or
 * passes soon.
 */
public enum DemoState {

    AWAITING_DECISION(12, "UserTask_DecideOnApplication", false, "verified, waiting for the requested party's decision"),
    INTERVIEW_SCHEDULED(7, "UserTask_RecordInterviewOutcome", false, "consular interview scheduled, outcome pending"),
    REFUSED(8, null, false, "refused by the requested party (closed)"),
    AWAITING_TRAVEL_DOCUMENT(8, "UserTask_IssueTravelDocument", false, "approved (some partially), travel document pending"),
    AWAITING_TRANSFER_PROPOSAL(8, "UserTask_ProposeTransfer", false, "travel document issued, transfer not proposed yet"),
    TRANSFER_PROPOSED(6, "UserTask_ConfirmTransfer", false, "transfer proposed, confirmation pending"),
    TRANSFER_SCHEDULED(8, "UserTask_ConfirmHandover", false, "transfer confirmed, handover at the border pending"),
    TRANSFERRED(15, null, false, "handed over at the border (closed)"),
    WITHDRAWN(6, null, false, "withdrawn by the requesting party (closed)"),
    ON_PROTECTION_HOLD(6, "UserTask_ReviewProtectionHold", false, "protection concern raised before the handover, on hold"),
    REPLY_DUE_SOON(6, "UserTask_DecideOnApplication", true, "received 12-13 days ago: reply due within days"),
    REPLY_OVERDUE(10, "UserTask_ReviewExpiredReply", true, "received 18-37 days ago: reply time limit expired");

    private final int weight;
    private final String stopsAt;
    private final boolean bypassesGateway;
    private final String meaning;

    DemoState(int weight, String stopsAt, boolean bypassesGateway, String meaning) {
        this.weight = weight;
        this.stopsAt = stopsAt;
        this.bypassesGateway = bypassesGateway;
        this.meaning = meaning;
    }

    int weight() {
        return weight;
    }

    /** The task at which the case is left; null when the case is driven to its end. */
    public String stopsAt() {
        return stopsAt;
    }

    public boolean bypassesGateway() {
        return bypassesGateway;
    }

    public String meaning() {
        return meaning;
    }

    /** True when officers and partners leave the case alone once it is open (it ends or expires on its own). */
    boolean leftAlone() {
        return this == WITHDRAWN || this == REPLY_OVERDUE;
    }

    /** True when the decision goes against every person. */
    boolean refused() {
        return this == REFUSED;
    }
}
