package org.readmission.workflow;

/**
 * The process {@code reintegration-handoff} ({@code bpmn/reintegration-handoff.bpmn}): reintegration support for one
 * returned person, from consent to closure. Business key = case id; the person is {@code personId}. The contract with
 * the engine host is {@code workflows/REINTEGRATION-CONTRACT.md}; change names here, in the model and there together.
 */
public final class ReintegrationHandoffProcess {

  public static final String PROCESS_KEY = "reintegration-handoff";
  public static final String RESOURCE = "bpmn/reintegration-handoff.bpmn";
  /** Referral attempts (first provider + re-routes) before a supervisor is asked to find a provider. */
  public static final int AUTOMATIC_REFERRAL_ATTEMPTS = 2;

  private ReintegrationHandoffProcess() {
  }

  /** Messages the process waits for; each name is the CloudEvents type of the event that triggers it. */
  public static final class Messages {
    /** Starts a handoff on its own (voluntary return). A proposal: the catalogue has no record for it yet. */
    public static final String HANDOFF_REQUESTED = "org.readmission.reintegration.handoff-requested.v1";
    /** A provider's {@code ReintegrationProgressReported}; correlate with business key + personId, pass its stage. */
    public static final String PROGRESS_REPORTED = "org.readmission.reintegration.progress-reported.v1";
    /** Consent withdrawn (interrupting event subprocess): business key + personId. */
    public static final String CONSENT_WITHDRAWN = "org.readmission.reintegration.consent-withdrawn.v1";

    private Messages() {
    }
  }

  /** Event types the process publishes (input {@code eventType} of the {@code publishCaseEvent} tasks). */
  public static final class Events {
    public static final String REFERRAL_REQUESTED = "org.readmission.reintegration.referral-requested.v1";
    public static final String CONSENT_WITHDRAWN = "org.readmission.reintegration.consent-withdrawn.v1";
    public static final String CLOSED = "org.readmission.reintegration.closed.v1";

    private Events() {
    }
  }

  /** Bean names of the delegates. */
  public static final class Beans {
    /** The engine host's publisher (same bean as the readmission case's). */
    public static final String PUBLISH_CASE_EVENT = "publishCaseEvent";
    /** {@link ScreenVulnerability}. */
    public static final String SCREEN_VULNERABILITY = "screenVulnerability";
    /** {@link ScheduleFollowUp}. */
    public static final String SCHEDULE_FOLLOW_UP = "scheduleFollowUp";

    private Beans() {
    }
  }

  public static final class Activities {
    public static final String START_HANDOFF_REQUESTED = "StartEvent_HandoffRequested";
    public static final String START_VOLUNTARY_RETURN = "StartEvent_VoluntaryReturnRegistered";
    public static final String RECORD_CONSENT = "UserTask_RecordConsent";
    public static final String SCREEN_VULNERABILITY = "ServiceTask_ScreenVulnerability";
    public static final String ASSESS_NEEDS = "UserTask_AssessNeeds";
    public static final String PUBLISH_REFERRAL_REQUESTED = "ServiceTask_PublishReferralRequested";
    public static final String AWAIT_PROVIDER_ANSWER = "ReceiveTask_AwaitProviderAnswer";
    public static final String PROVIDER_ANSWER_DUE = "BoundaryEvent_ProviderAnswerDue";
    public static final String ESCALATE_NO_PROVIDER = "UserTask_EscalateNoProvider";
    public static final String AWAIT_SUPPORT_PLAN = "ReceiveTask_AwaitSupportPlan";
    public static final String SCHEDULE_FOLLOW_UP = "ServiceTask_ScheduleFollowUp";
    public static final String AWAIT_FOLLOW_UP_REPORT = "ReceiveTask_AwaitFollowUpReport";
    public static final String FOLLOW_UP_REPORT_DUE = "BoundaryEvent_FollowUpReportDue";
    public static final String CHASE_MISSED_FOLLOW_UP = "UserTask_ChaseMissedFollowUp";
    public static final String RECORD_CLOSURE = "UserTask_RecordClosure";
    public static final String PUBLISH_CLOSED = "ServiceTask_PublishClosed";
    public static final String PUBLISH_CLOSED_NO_PROVIDER = "ServiceTask_PublishClosedNoProvider";
    public static final String CONSENT_WITHDRAWAL = "SubProcess_ConsentWithdrawn";
    public static final String PUBLISH_CONSENT_WITHDRAWN = "ServiceTask_PublishConsentWithdrawn";

    public static final String END_CONSENT_REFUSED = "EndEvent_ConsentRefused";
    public static final String END_NO_PROVIDER_FOUND = "EndEvent_NoProviderFound";
    public static final String END_REINTEGRATION_CLOSED = "EndEvent_ReintegrationClosed";
    public static final String END_CONSENT_WITHDRAWN = "EndEvent_ConsentWithdrawn";

    private Activities() {
    }
  }

  /** Process variables: ids and routing codes only, never names or documents. */
  public static final class Variables {
    public static final String CASE_ID = "caseId";
    public static final String PERSON_ID = "personId";
    public static final String REQUESTING_PARTY = "requestingParty";
    public static final String REQUESTED_PARTY = "requestedParty";
    /** When the person was handed over ({@code Date}, optional): the follow-ups are counted from here. */
    public static final String RETURNED_AT = "returnedAt";
    /** Screening inputs ({@code Boolean}, optional: missing = false), passed in or confirmed at the consent task. */
    public static final String MINOR = "minor";
    public static final String HEALTH_NEEDS = "healthNeeds";
    public static final String TRAFFICKING_VICTIM = "traffickingVictim";
    public static final String CONSENT_GIVEN = "consentGiven";
    /** {@code ReintegrationPriority}: STANDARD, HIGH or URGENT (set by {@link ScreenVulnerability}). */
    public static final String PRIORITY = "priority";
    /** ISO-8601 duration the provider has to answer (set by {@link ScreenVulnerability}). */
    public static final String PROVIDER_ANSWER_WITHIN = "providerAnswerWithin";
    /** Comma-separated {@code Vulnerability} codes (set by {@link ScreenVulnerability}). */
    public static final String VULNERABILITIES = "vulnerabilities";
    /** Comma-separated {@code ReintegrationNeed} codes (set by {@code UserTask_AssessNeeds}). */
    public static final String NEEDS = "needs";
    public static final String REGION = "region";
    /** 1, 2 ... ({@code Number}, a Long after the first re-route): which referral request this is (part of the ce_id, the event's {@code attempt}). */
    public static final String REFERRAL_ATTEMPT = "referralAttempt";
    /** {@code ReintegrationStage} of the last provider report, passed with {@code PROGRESS_REPORTED}. */
    public static final String PROVIDER_STAGE = "providerStage";
    /** Party code of the reporting provider, passed with {@code PROGRESS_REPORTED}. */
    public static final String PROVIDER_PARTY = "providerParty";
    /** RETRY or CLOSE, set by {@code UserTask_EscalateNoProvider}. */
    public static final String ESCALATION_ACTION = "escalationAction";
    /** The follow-up awaited ({@code ReintegrationStage} FOLLOW_UP_...) and when its report is due ({@code Date}). */
    public static final String FOLLOW_UP_STAGE = "followUpStage";
    public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
    /** REPORTED_LATE or NOT_REACHED, set by {@code UserTask_ChaseMissedFollowUp}. */
    public static final String FOLLOW_UP_RESULT = "followUpResult";
    /** {@code ReintegrationOutcome}: COMPLETED, DISCONTINUED, NO_PROVIDER, CONSENT_WITHDRAWN. */
    public static final String OUTCOME = "reintegrationOutcome";
    public static final String EVENT_TYPE = "eventType";

    private Variables() {
    }
  }
}
