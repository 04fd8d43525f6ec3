package org.readmission.caseworkflow.tasks;

import java.time.Clock;
import java.util.Map;

import org.readmission.audit.AuditAction;
import org.readmission.audit.AuditEntry;
import org.readmission.audit.AuditTrail;
import org.readmission.audit.AuditValues;
import org.readmission.workflow.ReadmissionCaseProcess.Activities;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.springframework.stereotype.Component;

/**
 * What the officers' task API records in the audit trail: who read the persons' verification outcomes, and who
 * entered personal data through a form (the names of the fields, never their values).
 */
@Component
class TaskAudit {

    static final String PURPOSE = "readmission case handling";

    /** The tasks whose forms carry personal data, and which fields. */
    private static final Map<String, String> PERSONAL_FIELDS = Map.of(
            Activities.ISSUE_TRAVEL_DOCUMENT, "travelDocuments.documentNumber,travelDocuments.validUntil",
            Activities.RECORD_INTERVIEW_OUTCOME, "verifications.outcome,verifications.interviewFindings",
            Activities.SCHEDULE_INTERVIEW, "interview.scheduledAt,interview.place",
            ReintegrationHandoffProcess.Activities.RECORD_CONSENT, "reintegration.consent,reintegration.vulnerabilities",
            ReintegrationHandoffProcess.Activities.ASSESS_NEEDS, "reintegration.needs,reintegration.region");

    private final AuditTrail trail;
    private final Clock clock;

    TaskAudit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void verificationsRead(Caller caller, String taskId, String caseId) {
        trail.append(new AuditEntry(clock.instant(), AuditEntry.user(AuditValues.identifier(caller.user())), caller.party(),
                AuditAction.READ_PERSONAL_DATA, "verifications.outcome,verifications.reasons", taskId, caseId, PURPOSE, null));
    }

    void completed(Caller caller, String taskId, String taskDefinitionKey, String caseId) {
        String fields = PERSONAL_FIELDS.get(taskDefinitionKey);
        if (fields != null) {
            trail.append(new AuditEntry(clock.instant(), AuditEntry.user(AuditValues.identifier(caller.user())), caller.party(),
                    AuditAction.CHANGE_PERSONAL_DATA, fields, taskId, caseId, PURPOSE, taskDefinitionKey));
        }
    }
}
