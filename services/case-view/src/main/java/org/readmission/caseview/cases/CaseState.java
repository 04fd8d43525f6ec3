package org.readmission.caseview.cases;

/** Where a case stands, as far as the events tell. */
public enum CaseState {
    /** registered by the engine, not yet forwarded to the requested party */
    REGISTERED,
    /** forwarded; persons being verified */
    VERIFYING,
    /** every person verified; awaiting the requested party's decision */
    AWAITING_DECISION,
    /** the reply time limit expired without a decision */
    REPLY_EXPIRED,
    /** approved (fully or partially); travel document awaited */
    APPROVED,
    /** travel document issued; transfer to be proposed and confirmed */
    TRAVEL_DOCUMENT_ISSUED,
    /** transfer scheduled; handover awaited */
    TRANSFER_SCHEDULED,
    /** handed over at the border */
    TRANSFERRED,
    /** refused */
    REFUSED,
    /** closed (any outcome) */
    CLOSED
}
