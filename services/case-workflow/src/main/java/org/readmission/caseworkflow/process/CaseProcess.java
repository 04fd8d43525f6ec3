package org.readmission.caseworkflow.process;

import org.readmission.workflow.ReadmissionCaseProcess;

/**
 * The names this service uses with the model {@code readmission-case}: those of the contract come from the workflows
 * module's {@link ReadmissionCaseProcess} (workflows/CONTRACT.md), so that a renaming there breaks the build here;
 * the others are variables this service itself sets (inbox correlation, task forms) and reads when publishing.
 */
public final class CaseProcess {

    public static final String PROCESS_KEY = ReadmissionCaseProcess.PROCESS_KEY;

    public static final class Messages {
        public static final String OPEN_CASE = ReadmissionCaseProcess.Messages.OPEN_CASE;
        public static final String VERIFICATION_COMPLETED = ReadmissionCaseProcess.Messages.VERIFICATION_COMPLETED;
        public static final String DECISION_SUBMITTED = ReadmissionCaseProcess.Messages.DECISION_SUBMITTED;
        public static final String EXTENSION_REQUESTED = ReadmissionCaseProcess.Messages.EXTENSION_REQUESTED;
        public static final String TRANSFER_PROPOSED = ReadmissionCaseProcess.Messages.TRANSFER_PROPOSED;
        public static final String TRANSFER_CONFIRMED = ReadmissionCaseProcess.Messages.TRANSFER_CONFIRMED;
        public static final String APPLICATION_WITHDRAWN = ReadmissionCaseProcess.Messages.APPLICATION_WITHDRAWN;
        public static final String PROTECTION_CONCERN_RAISED = ReadmissionCaseProcess.Messages.PROTECTION_CONCERN_RAISED;
        public static final String EVIDENCE_SUBMITTED = ReadmissionCaseProcess.Messages.EVIDENCE_SUBMITTED;

        private Messages() {
        }
    }

    /** Process variables: ids and small routing values only, never personal data. */
    public static final class Variables {
        public static final String CASE_ID = ReadmissionCaseProcess.Variables.CASE_ID;
        public static final String APPLICATION_ID = ReadmissionCaseProcess.Variables.APPLICATION_ID;
        public static final String REQUESTING_PARTY = ReadmissionCaseProcess.Variables.REQUESTING_PARTY;
        public static final String REQUESTED_PARTY = ReadmissionCaseProcess.Variables.REQUESTED_PARTY;
        public static final String PROCEDURE = ReadmissionCaseProcess.Variables.PROCEDURE;
        public static final String CATEGORY = ReadmissionCaseProcess.Variables.CATEGORY;
        public static final String PERSON_IDS = ReadmissionCaseProcess.Variables.PERSON_IDS;
        public static final String PERSON_ID = ReadmissionCaseProcess.Variables.PERSON_ID;
        public static final String LOOP_COUNTER = "loopCounter";
        public static final String RECEIVED_AT = ReadmissionCaseProcess.Variables.RECEIVED_AT;
        public static final String EVIDENCE_SUMMARY = ReadmissionCaseProcess.Variables.EVIDENCE_SUMMARY;
        public static final String REPLY_DUE_AT = ReadmissionCaseProcess.Variables.REPLY_DUE_AT;
        public static final String REPLY_DEADLINE_EXPLANATION = ReadmissionCaseProcess.Variables.REPLY_DEADLINE_EXPLANATION;
        public static final String EXTENSION_USED = ReadmissionCaseProcess.Variables.EXTENSION_USED;
        public static final String VERIFICATION_OUTCOME = ReadmissionCaseProcess.Variables.VERIFICATION_OUTCOME;
        public static final String DECISION = ReadmissionCaseProcess.Variables.DECISION;
        public static final String REFUSAL_REASONS = ReadmissionCaseProcess.Variables.REFUSAL_REASONS;
        public static final String MOTIVATION = ReadmissionCaseProcess.Variables.MOTIVATION;
        public static final String TRAVEL_DOCUMENT_DUE_AT = ReadmissionCaseProcess.Variables.TRAVEL_DOCUMENT_DUE_AT;
        public static final String TRANSFER_DUE_AT = ReadmissionCaseProcess.Variables.TRANSFER_DUE_AT;
        public static final String TRANSFER_SCHEDULED_AT = ReadmissionCaseProcess.Variables.TRANSFER_SCHEDULED_AT;
        public static final String ON_HOLD = ReadmissionCaseProcess.Variables.ON_HOLD;
        public static final String OUTCOME = ReadmissionCaseProcess.Variables.OUTCOME;
        /** Input parameter of every publishing task: the ce_type of the event it publishes. */
        public static final String EVENT_TYPE = ReadmissionCaseProcess.Variables.EVENT_TYPE;

        // set by this service (inbox correlation and task forms), read by the publishing step
        /** Inbox entry id of the {@code OpenReadmissionCase} command; {@code registerCase} reads the application from it. */
        public static final String OPEN_CASE_COMMAND_ID = "openCaseCommandId";
        /** Per-person decision outcomes as JSON ({@code [{"personId":..,"approved":..,"refusalReasons":[..]}]}). */
        public static final String PERSON_OUTCOMES = "personOutcomes";
        public static final String DECIDED_AT = "decidedAt";
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
        public static final String REPLY_REMINDER_AT = ReadmissionCaseProcess.Variables.REPLY_REMINDER_AT;
        /** Party code of the party that raised a protection concern (decides who reviews it). */
        public static final String HOLD_RAISED_BY = ReadmissionCaseProcess.Variables.HOLD_RAISED_BY;
        /** RELEASE or UPHOLD, set by {@code UserTask_ReviewProtectionHold}. */
        public static final String HOLD_DECISION = ReadmissionCaseProcess.Variables.HOLD_DECISION;
        public static final String HOLD_MOTIVATION = "holdMotivation";
        /** EXTEND or CLOSE, set by {@code UserTask_ReviewTransferDeadline}. */
        public static final String TRANSFER_DEADLINE_ACTION = ReadmissionCaseProcess.Variables.TRANSFER_DEADLINE_ACTION;
        public static final String TRANSFER_EXTENSION_REASON = ReadmissionCaseProcess.Variables.TRANSFER_EXTENSION_REASON;
        /** Prefixes of the deadline variables the workflows' rules set ({@code ComputedDeadline.asVariables(prefix)}). */
        public static final String REPLY = ReadmissionCaseProcess.Variables.REPLY;
        public static final String TRAVEL_DOCUMENT = ReadmissionCaseProcess.Variables.TRAVEL_DOCUMENT;
        public static final String TRANSFER = ReadmissionCaseProcess.Variables.TRANSFER;

        private Variables() {
        }
    }

    /** User tasks of the model (candidate groups {@code <party code>:<role>}). */
    public static final class Tasks {
        public static final String DECIDE_ON_APPLICATION = ReadmissionCaseProcess.Activities.DECIDE_ON_APPLICATION;
        public static final String ESCALATE_OVERDUE_REPLY = ReadmissionCaseProcess.Activities.ESCALATE_OVERDUE_REPLY;
        public static final String REVIEW_EXPIRED_REPLY = ReadmissionCaseProcess.Activities.REVIEW_EXPIRED_REPLY;
        public static final String ISSUE_TRAVEL_DOCUMENT = ReadmissionCaseProcess.Activities.ISSUE_TRAVEL_DOCUMENT;
        public static final String PROPOSE_TRANSFER = ReadmissionCaseProcess.Activities.PROPOSE_TRANSFER;
        public static final String CONFIRM_TRANSFER = ReadmissionCaseProcess.Activities.CONFIRM_TRANSFER;
        public static final String CONFIRM_HANDOVER = ReadmissionCaseProcess.Activities.CONFIRM_HANDOVER;
        public static final String REVIEW_PROTECTION_HOLD = ReadmissionCaseProcess.Activities.REVIEW_PROTECTION_HOLD;
        public static final String REVIEW_TRANSFER_DEADLINE = ReadmissionCaseProcess.Activities.REVIEW_TRANSFER_DEADLINE;
        public static final String ESCALATE_OVERDUE_TRAVEL_DOCUMENT = ReadmissionCaseProcess.Activities.ESCALATE_OVERDUE_TRAVEL_DOCUMENT;

        private Tasks() {
        }
    }

    private CaseProcess() {
    }
}
