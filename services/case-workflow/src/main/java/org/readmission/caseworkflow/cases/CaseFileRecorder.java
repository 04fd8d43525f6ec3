package org.readmission.caseworkflow.cases;

import java.time.Clock;

import org.readmission.caseworkflow.inbox.InboxEntryCorrelated;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.partner.EvidenceSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes into the case file what an incoming event that reached the process means (idempotent by ce_id). */
@Component
class CaseFileRecorder {

    private final CaseFiles caseFiles;
    private final Clock clock;

    CaseFileRecorder(CaseFiles caseFiles, Clock clock) {
        this.caseFiles = caseFiles;
        this.clock = clock;
    }

    @EventListener
    void on(InboxEntryCorrelated correlated) {
        if (correlated.payload() instanceof OpenReadmissionCase) {
            return; // registerCase writes the case file
        }
        if (caseFiles.find(correlated.caseId()).isEmpty()) {
            // delivered before registerCase ran: the inbox entry is retried, finds itself delivered, comes back here
            throw new IllegalStateException("case " + correlated.caseId() + " is not registered yet");
        }
        if (correlated.payload() instanceof RecordPartnerSubmission submission) {
            if (submission.getPayload() instanceof EvidenceSubmitted evidence) {
                evidence.getEvidence().forEach(e -> caseFiles.addEvidence(correlated.caseId(), e.getPersonId(), e.getItems()));
            }
            caseFiles.recordSubmission(correlated.caseId(), new CaseFile.SubmissionEntry(correlated.ceId(),
                    submission.getSubmissionType(), submission.getSubmissionId(), submission.getReceivedAt(), clock.instant()));
        } else if (correlated.payload() instanceof IdentityVerificationCompleted result) {
            caseFiles.recordVerification(correlated.caseId(), new CaseFile.VerificationEntry(correlated.ceId(),
                    result.getPersonId(), result.getOutcome().name(), result.getEvidenceClass().name(),
                    result.getReasons(), result.getCompletedAt()));
        }
    }
}
