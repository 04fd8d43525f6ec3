package org.readmission.workflow;

/**
 * The process {@code transit-request} ({@code bpmn/transit-request.bpmn}): a transit through the requested state when
 * direct return is impossible, checked against the refusal grounds (DMN {@code TransitRefusalGrounds}), decided by an
 * officer, revocable until the transit is completed. Business key = transit request id.
 *
 * <p>The transit event types are proposals: the event catalogue ({@code schemas/}) has no transit records yet.
 */
public final class TransitRequestProcess {

  public static final String PROCESS_KEY = "transit-request";
  public static final String RESOURCE = "bpmn/transit-request.bpmn";
  public static final String REFUSAL_GROUNDS_RESOURCE = "dmn/transit-refusal-grounds.dmn";
  public static final String REFUSAL_GROUNDS_DECISION = "TransitRefusalGrounds";

  private TransitRequestProcess() {
  }

  public static final class Messages {
    public static final String TRANSIT_REQUESTED = "org.readmission.transit.requested.v1";
    public static final String REVOCATION_SUBMITTED = "org.readmission.transit.revocation-submitted.v1";

    private Messages() {
    }
  }

  public static final class Events {
    public static final String TRANSIT_AUTHORISED = "org.readmission.transit.authorised.v1";
    public static final String TRANSIT_REFUSED = "org.readmission.transit.refused.v1";
    public static final String AUTHORISATION_REVOKED = "org.readmission.transit.authorisation-revoked.v1";
    public static final String TRANSIT_COMPLETED = "org.readmission.transit.completed.v1";

    private Events() {
    }
  }

  public static final class Activities {
    public static final String CHECK_REFUSAL_GROUNDS = "BusinessRuleTask_CheckRefusalGrounds";
    public static final String DECIDE_ON_TRANSIT = "UserTask_DecideOnTransit";
    public static final String CONFIRM_TRANSIT_COMPLETED = "UserTask_ConfirmTransitCompleted";
    public static final String REVOCATION_RECEIVED = "BoundaryEvent_AuthorisationRevoked";
    public static final String END_TRANSIT_COMPLETED = "EndEvent_TransitCompleted";
    public static final String END_TRANSIT_REFUSED = "EndEvent_TransitRefused";
    public static final String END_AUTHORISATION_REVOKED = "EndEvent_AuthorisationRevoked";

    private Activities() {
    }
  }

  public static final class Variables {
    public static final String TRANSIT_REQUEST_ID = "transitRequestId";
    public static final String REQUESTING_PARTY = "requestingParty";
    public static final String REQUESTED_PARTY = "requestedParty";
    /** The inputs of DMN TransitRefusalGrounds (booleans, all required). */
    public static final String RISK_OF_TORTURE_OR_INHUMAN_TREATMENT = "riskOfTortureOrInhumanTreatment";
    public static final String RISK_OF_DEATH_PENALTY = "riskOfDeathPenalty";
    public static final String RISK_OF_PERSECUTION = "riskOfPersecution";
    public static final String CRIMINAL_SANCTIONS_PENDING = "criminalSanctionsPending";
    public static final String PUBLIC_HEALTH_SECURITY_OR_ORDER_THREAT = "publicHealthSecurityOrOrderThreat";
    /** The most serious ground the rules found, or NONE. */
    public static final String REFUSAL_GROUND = "refusalGround";
    /** AUTHORISED or REFUSED, set by the officer. */
    public static final String TRANSIT_DECISION = "transitDecision";
    public static final String MOTIVATION = "motivation";

    private Variables() {
    }
  }
}
