package org.readmission.caseworkflow.process;

import org.readmission.workflow.ReadmissionCaseProcess;

/**
 * Names this service uses with the model {@code readmission-case} beyond the contract. The contract's names (process
 * key, messages, activities, variables) are used straight from the workflows module's {@link ReadmissionCaseProcess}
 * (workflows/CONTRACT.md), so that a renaming there breaks the build here.
 */
public final class CaseProcess {

    /** Variables this service itself sets (inbox correlation, task forms) and reads when publishing. */
    public static final class Variables {
        public static final String LOOP_COUNTER = "loopCounter";
        // set by this service (inbox correlation and task forms), read by the publishing step
        /** Inbox entry id of the {@code OpenReadmissionCase} command; {@code registerCase} reads the application from it. */
        public static final String OPEN_CASE_COMMAND_ID = "openCaseCommandId";
        /** Per-person decision outcomes as JSON ({@code [{"personId":..,"approved":..,"refusalReasons":[..]}]}). */
        public static final String PERSON_OUTCOMES = "personOutcomes";
        public static final String EXTENSION_MOTIVATION = "extensionMotivation";
        public static final String EXTENSION_OBSTACLE = "extensionObstacle";
        public static final String BORDER_CROSSING_POINT = "borderCrossingPoint";
        public static final String TRANSFER_PERSON_IDS = "transferPersonIds";
        public static final String HANDED_OVER_AT = "handedOverAt";
        public static final String WITHDRAWAL_REASON = "withdrawalReason";
        public static final String PROTECTION_CONCERN = "protectionConcern";
        public static final String PROTECTION_PERSON_ID = "protectionPersonId";
        public static final String HOLD_RELEASED_BY = "holdReleasedBy";
        public static final String TRAVEL_DOCUMENT_VALID_UNTIL = "travelDocumentValidUntil";
        public static final String TRAVEL_DOCUMENT_ISSUED_AT = "travelDocumentIssuedAt";
        public static final String CONSENT_GIVEN = "consentGiven";
        public static final String EVIDENCE_SUBMITTED_FOR = "evidenceSubmittedFor";
        public static final String HOLD_MOTIVATION = "holdMotivation";
        /** Inbox entry id of a {@code PersonalDataCorrected} submission; {@code recordCorrection} reads the person from it. */
        public static final String CORRECTION_ENTRY_ID = "correctionEntryId";
        /** The last correction: whose data, by whom, which fields, its submission id (read when publishing). */
        public static final String CORRECTED_PERSON_ID = "correctedPersonId";
        public static final String CORRECTED_BY = "correctedBy";
        public static final String CORRECTED_FIELDS = "correctedFields";
        public static final String CORRECTION_ID = "correctionId";

        private Variables() {
        }
    }

    private CaseProcess() {
    }
}
