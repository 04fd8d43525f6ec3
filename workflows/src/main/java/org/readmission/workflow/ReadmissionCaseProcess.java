package org.readmission.workflow;

/**
 * The process {@code readmission-case} ({@code bpmn/readmission-case.bpmn}): its key, the messages it waits for, the
 * events it publishes, its activities, variables and the beans it calls. The engine host uses these names; they are
 * the contract of {@code workflows/CONTRACT.md}. Change them here, in the model and in the contract together.
 */
public final class ReadmissionCaseProcess {

  public static final String PROCESS_KEY = "readmission-case";
  public static final String RESOURCE = "bpmn/readmission-case.bpmn";

  private ReadmissionCaseProcess() {
  }

  /** Messages the process waits for; each name is the CloudEvents type of the event that triggers it. */
  public static final class Messages {
    public static final String OPEN_CASE = "org.readmission.case.open.v1";
    public static final String VERIFICATION_COMPLETED = "org.readmission.identity.verification-completed.v1";
    public static final String DECISION_SUBMITTED = "org.readmission.decision.submitted.v1";
    public static final String EXTENSION_REQUESTED = "org.readmission.extension.requested.v1";
    public static final String TRANSFER_PROPOSED = "org.readmission.transfer.proposed.v1";
    public static final String TRANSFER_CONFIRMED = "org.readmission.transfer.confirmed.v1";
    public static final String APPLICATION_WITHDRAWN = "org.readmission.application.withdrawn.v1";
    public static final String PROTECTION_CONCERN_RAISED = "org.readmission.protection.concern-raised.v1";
    public static final String EVIDENCE_SUBMITTED = "org.readmission.evidence.submitted.v1";

    private Messages() {
    }
  }

  /** Event types the process publishes (input {@code eventType} of the {@code publishCaseEvent} tasks). */
  public static final class Events {
    public static final String APPLICATION_FORWARDED = "org.readmission.case.application-forwarded.v1";
    public static final String REPLY_DEADLINE_SET = "org.readmission.case.reply-deadline-set.v1";
    public static final String VERIFICATION_REQUESTED = "org.readmission.identity.verification-requested.v1";
    public static final String REPLY_DEADLINE_EXTENDED = "org.readmission.case.reply-deadline-extended.v1";
    public static final String REPLY_TIME_LIMIT_EXPIRED = "org.readmission.case.reply-time-limit-expired.v1";
    public static final String READMISSION_DECIDED = "org.readmission.case.readmission-decided.v1";
    public static final String TRAVEL_DOCUMENT_ISSUED = "org.readmission.case.travel-document-issued.v1";
    public static final String TRANSFER_SCHEDULED = "org.readmission.case.transfer-scheduled.v1";
    public static final String TRANSFER_COMPLETED = "org.readmission.case.transfer-completed.v1";
    public static final String CASE_CLOSED = "org.readmission.case.closed.v1";
    public static final String PROTECTION_HOLD_PLACED = "org.readmission.case.protection-hold-placed.v1";
    public static final String PROTECTION_HOLD_RELEASED = "org.readmission.case.protection-hold-released.v1";
    public static final String INTERVIEW_SCHEDULED = "org.readmission.case.consular-interview-scheduled.v1";
    public static final String INTERVIEW_HELD = "org.readmission.case.consular-interview-held.v1";

    private Events() {
    }
  }

  /** Bean names of the delegates ({@code camunda:delegateExpression="${beanName}"}). */
  public static final class Beans {
    /** The engine host's: keeps the application in the case store. */
    public static final String REGISTER_CASE = "registerCase";
    /** The engine host's: publishes the event named by the input {@code eventType}. */
    public static final String PUBLISH_CASE_EVENT = "publishCaseEvent";
    /** {@link ClassifyEvidence}. */
    public static final String CLASSIFY_EVIDENCE = "classifyEvidence";
    /** {@link ComputeReplyDeadline}. */
    public static final String COMPUTE_REPLY_DEADLINE = "computeReplyDeadline";
    /** {@link ComputeDeadlineAfterApproval#travelDocument}. */
    public static final String COMPUTE_TRAVEL_DOCUMENT_DEADLINE = "computeTravelDocumentDeadline";
    /** {@link ComputeDeadlineAfterApproval#transfer}. */
    public static final String COMPUTE_TRANSFER_DEADLINE = "computeTransferDeadline";
    /** {@link StartReintegrationHandoff}. */
    public static final String START_REINTEGRATION_HANDOFF = "startReintegrationHandoff";
    /** {@link ComputeInterviewDeadline}. */
    public static final String COMPUTE_INTERVIEW_DEADLINE = "computeInterviewDeadline";

    private Beans() {
    }
  }

  /** Activity ids (user tasks, wait states, timers, ends) that the service and the case view refer to. */
  public static final class Activities {
    public static final String START_APPLICATION_RECEIVED = "StartEvent_ApplicationReceived";
    public static final String REGISTER_CASE = "ServiceTask_RegisterCase";
    public static final String CLASSIFY_EVIDENCE = "ServiceTask_ClassifyEvidence";
    public static final String COMPUTE_REPLY_DEADLINE = "ServiceTask_ComputeReplyDeadline";
    public static final String VERIFY_PERSON = "SubProcess_VerifyPerson";
    public static final String PUBLISH_VERIFICATION_REQUESTED = "ServiceTask_PublishVerificationRequested";
    public static final String AWAIT_VERIFICATION_RESULT = "ReceiveTask_AwaitVerificationResult";
    public static final String INTERVIEW_REQUIRED = "Gateway_InterviewRequired";
    public static final String COMPUTE_INTERVIEW_DEADLINE = "ServiceTask_ComputeInterviewDeadline";
    public static final String SCHEDULE_INTERVIEW = "UserTask_ScheduleInterview";
    public static final String PUBLISH_INTERVIEW_SCHEDULED = "ServiceTask_PublishInterviewScheduled";
    public static final String RECORD_INTERVIEW_OUTCOME = "UserTask_RecordInterviewOutcome";
    public static final String PUBLISH_INTERVIEW_HELD = "ServiceTask_PublishInterviewHeld";
    public static final String END_PERSON_VERIFIED = "EndEvent_PersonVerified";
    public static final String REPLY_DEADLINE_DURING_VERIFICATION = "BoundaryEvent_ReplyDeadlineDuringVerification";

    public static final String DECIDE_ON_APPLICATION = "UserTask_DecideOnApplication";
    public static final String DECISION_RECEIVED = "BoundaryEvent_DecisionReceived";
    public static final String EXTENSION_REQUESTED = "BoundaryEvent_ExtensionRequested";
    public static final String EXTENSION_GRANTED = "IntermediateThrowEvent_ExtensionGranted";
    public static final String EXTENSION_REFUSED = "IntermediateThrowEvent_ExtensionRefused";
    public static final String REPLY_REMINDER = "BoundaryEvent_ReplyReminder";
    public static final String ESCALATE_AT_DEADLINE = "BoundaryEvent_EscalateAtDeadline";
    public static final String ESCALATE_OVERDUE_REPLY = "UserTask_EscalateOverdueReply";
    public static final String REPLY_DEADLINE = "BoundaryEvent_ReplyDeadline";
    public static final String REVIEW_EXPIRED_REPLY = "UserTask_ReviewExpiredReply";

    public static final String TRANSFER = "SubProcess_Transfer";
    public static final String ISSUE_TRAVEL_DOCUMENT = "UserTask_IssueTravelDocument";
    public static final String TRAVEL_DOCUMENT_DEADLINE = "BoundaryEvent_TravelDocumentDeadline";
    public static final String ESCALATE_OVERDUE_TRAVEL_DOCUMENT = "UserTask_EscalateOverdueTravelDocument";
    public static final String AWAIT_TRANSFER_PROPOSAL = "ReceiveTask_AwaitTransferProposal";
    public static final String PROPOSE_TRANSFER = "UserTask_ProposeTransfer";
    public static final String AWAIT_TRANSFER_CONFIRMATION = "ReceiveTask_AwaitTransferConfirmation";
    public static final String CONFIRM_TRANSFER = "UserTask_ConfirmTransfer";
    public static final String HOLD_CLEARED = "IntermediateCatchEvent_HoldCleared";
    public static final String CONFIRM_HANDOVER = "UserTask_ConfirmHandover";
    public static final String HOLD_PLACED_BEFORE_HANDOVER = "BoundaryEvent_HoldPlacedBeforeHandover";
    public static final String TRANSFER_DEADLINE = "BoundaryEvent_TransferDeadline";
    public static final String REVIEW_TRANSFER_DEADLINE = "UserTask_ReviewTransferDeadline";
    public static final String EXTENDED_TRANSFER_DEADLINE = "IntermediateCatchEvent_ExtendedTransferDeadline";

    public static final String WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String PROTECTION_HOLD = "SubProcess_ProtectionHold";
    public static final String REVIEW_PROTECTION_HOLD = "UserTask_ReviewProtectionHold";
    public static final String CLOSED_ON_PROTECTION_GROUNDS = "SubProcess_ClosedOnProtectionGrounds";
    public static final String ADDITIONAL_EVIDENCE = "SubProcess_AdditionalEvidence";

    public static final String END_PERSON_TRANSFERRED = "EndEvent_PersonTransferred";
    public static final String END_APPLICATION_REFUSED = "EndEvent_ApplicationRefused";
    public static final String END_APPLICATION_WITHDRAWN = "EndEvent_ApplicationWithdrawn";
    public static final String END_CLOSED_WITHOUT_REPLY = "EndEvent_ClosedWithoutReply";
    public static final String END_TRANSFER_NOT_COMPLETED = "EndEvent_TransferNotCompleted";
    public static final String END_CLOSED_ON_PROTECTION_GROUNDS = "EndEvent_ClosedOnProtectionGrounds";

    private Activities() {
    }
  }

  /** Process variables: ids and small routing values only, never personal data. */
  public static final class Variables {
    public static final String CASE_ID = "caseId";
    public static final String APPLICATION_ID = "applicationId";
    public static final String REQUESTING_PARTY = "requestingParty";
    public static final String REQUESTED_PARTY = "requestedParty";
    /** {@link Procedure}: NORMAL or ACCELERATED. */
    public static final String PROCEDURE = "procedure";
    public static final String CATEGORY = "category";
    /** {@code List<String>}: the multi-instance collection of the verification. */
    public static final String PERSON_IDS = "personIds";
    /** Local to one verification instance. */
    public static final String PERSON_ID = "personId";
    /** Confirmed receipt ({@code Date}); the reply time limit runs from here. */
    public static final String RECEIVED_AT = "receivedAt";
    /** {@link EvidenceSummary}. */
    public static final String EVIDENCE_SUMMARY = "evidenceSummary";
    /** Per person (local to each instance of {@code SubProcess_VerifyPerson}): CONFIRMED / NOT_CONFIRMED / INTERVIEW_REQUIRED. */
    public static final String VERIFICATION_OUTCOME = "verificationOutcome";
    /** Prefix of the consular interview's target date variables (per person, local), see {@link ComputedDeadline#asVariables(String)}. */
    public static final String INTERVIEW = "interview";
    public static final String INTERVIEW_DUE_AT = "interviewDueAt";
    /** Per person, set by {@code UserTask_ScheduleInterview}: when ({@code Date}) and where the interview takes place. */
    public static final String INTERVIEW_SCHEDULED_AT = "interviewScheduledAt";
    public static final String INTERVIEW_PLACE = "interviewPlace";
    /** Per person, set by {@code UserTask_RecordInterviewOutcome}: CONFIRMED / NOT_CONFIRMED, and findings for the file. */
    public static final String INTERVIEW_OUTCOME = "interviewOutcome";
    public static final String INTERVIEW_FINDINGS = "interviewFindings";

    /** Prefix of the reply deadline's variables, see {@link ComputedDeadline#asVariables(String)}. */
    public static final String REPLY = "reply";
    public static final String REPLY_DUE_AT = "replyDueAt";
    public static final String REPLY_DEADLINE_EXPLANATION = "replyDeadlineExplanation";
    public static final String REPLY_REMINDER_AT = "replyReminderAt";
    public static final String REPLY_ESCALATION_AT = "replyEscalationAt";
    public static final String EXTENSION_USED = "extensionUsed";
    public static final String EXTENSION_REFUSED_AT = "extensionRefusedAt";

    /** {@link Decisions}. */
    public static final String DECISION = "decision";
    public static final String REFUSAL_REASONS = "refusalReasons";
    public static final String MOTIVATION = "motivation";
    /** When the decision was taken ({@code Date}, optional): the travel document and transfer limits run from here. */
    public static final String DECIDED_AT = "decidedAt";

    public static final String TRAVEL_DOCUMENT = "travelDocument";
    public static final String TRAVEL_DOCUMENT_DUE_AT = "travelDocumentDueAt";
    public static final String TRAVEL_DOCUMENT_DEADLINE_EXPLANATION = "travelDocumentDeadlineExplanation";
    public static final String TRANSFER = "transfer";
    public static final String TRANSFER_DUE_AT = "transferDueAt";
    public static final String TRANSFER_DEADLINE_EXPLANATION = "transferDeadlineExplanation";
    public static final String TRANSFER_SCHEDULED_AT = "transferScheduledAt";
    /** EXTEND or CLOSE, set by {@code UserTask_ReviewTransferDeadline}. */
    public static final String TRANSFER_DEADLINE_ACTION = "transferDeadlineAction";
    public static final String TRANSFER_EXTENSION_REASON = "transferExtensionReason";

    /** True while at least one protection concern is unresolved: the handover waits. */
    public static final String ON_HOLD = "onHold";
    public static final String OPEN_PROTECTION_HOLDS = "openProtectionHolds";
    /** Party code of the party that raised the protection concern (set with the correlation). */
    public static final String HOLD_RAISED_BY = "holdRaisedBy";
    /** RELEASE or UPHOLD, set by {@code UserTask_ReviewProtectionHold}. */
    public static final String HOLD_DECISION = "holdDecision";

    /** {@link Outcomes}; set by the tasks that close the case. */
    public static final String OUTCOME = "outcome";
    /** Local input of every publishing task: the CloudEvents type to publish. */
    public static final String EVENT_TYPE = "eventType";

    private Variables() {
    }
  }

  /** Values of {@code decision}. */
  public static final class Decisions {
    public static final String APPROVED = "APPROVED";
    public static final String PARTIALLY_APPROVED = "PARTIALLY_APPROVED";
    public static final String REFUSED = "REFUSED";
    /** Recorded by the requesting party's supervisor after the reply time limit expired. */
    public static final String NO_REPLY_TREATED_AS_AGREED = "NO_REPLY_TREATED_AS_AGREED";
    /** Recorded by the requesting party's supervisor after the reply time limit expired: the case is closed. */
    public static final String NO_REPLY_CASE_CLOSED = "NO_REPLY_CASE_CLOSED";

    private Decisions() {
    }
  }

  /** Values of {@code outcome} (the event catalogue's {@code CaseOutcome}). */
  public static final class Outcomes {
    public static final String TRANSFERRED = "TRANSFERRED";
    public static final String REFUSED = "REFUSED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String EXPIRED = "EXPIRED";
    public static final String OTHER = "OTHER";

    private Outcomes() {
    }
  }
}
