package org.readmission.gateway.submission;

import java.time.Instant;
import java.util.List;

import org.readmission.events.Topics;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutgoingMessages;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.validation.ApplicationRules;
import org.readmission.gateway.validation.Violation;
import org.readmission.protection.CaseKeyShreddedException;
import org.springframework.stereotype.Component;

/**
 * Applications: validated, then claimed under the partner's application id. A re-send of the same content is a
 * harmless duplicate; different content under an id already accepted is rejected as a conflict.
 */
@Component
class ApplicationIntake {

    private final ApplicationRules rules;
    private final Submissions submissions;
    private final SubmissionRecorder recorder;
    private final OutgoingMessages messages;
    private final SubmissionSealing sealing;

    ApplicationIntake(ApplicationRules rules, Submissions submissions, SubmissionRecorder recorder, OutgoingMessages messages,
                      SubmissionSealing sealing) {
        this.rules = rules;
        this.submissions = submissions;
        this.recorder = recorder;
        this.messages = messages;
        this.sealing = sealing;
    }

    Decision decide(InboundRecord in, Party sender, ReadmissionApplicationSubmitted application) {
        List<Violation> violations = rules.check(application, sender);
        if (!violations.isEmpty()) {
            return recorder.reject(in, java.util.Optional.of(sender), false, application.getApplicationId(), violations);
        }
        String claimKey = SubmissionKeys.ofApplication(sender.code(), application.getApplicationId());
        String caseId = SubmissionKeys.caseIdOf(claimKey);
        Instant receivedAt = recorder.now();
        var accepted = new SubmissionRecorder.Accepted(caseId, application.getApplicationId(),
                sender.code(), application.getRequestedParty().getValue().toUpperCase(java.util.Locale.ROOT), receivedAt);
        try {
            return recorder.accept(in, sender, claimKey, accepted, openCaseCommand(in, application, accepted),
                    () -> alreadyClaimed(in, sender, claimKey, application));
        } catch (CaseKeyShreddedException erased) {
            // the application of a case erased after its retention period, sent again: refused, nothing of it kept
            return recorder.refuseErased(in, sender, caseId, application.getApplicationId());
        }
    }

    /**
     * The claim is taken: a redelivery, an application of a case erased after its retention period (refused, nothing
     * kept), a harmless re-send of the same content, or a conflicting application (kept with the case's data).
     */
    private Decision alreadyClaimed(InboundRecord in, Party sender, String claimKey, ReadmissionApplicationSubmitted application) {
        if (submissions.existsById(in.dedupKey())) {
            return Decision.duplicate(in.dedupKey(), in.dedupKey());
        }
        Submission existing = submissions.findByClaimKey(claimKey).orElseThrow(
                () -> new IllegalStateException("claim " + claimKey + " reported taken but not found; retrying"));
        if (sealing.erasedAt(existing.caseId()).isPresent()) {
            return recorder.refuseErased(in, sender, existing.caseId(), application.getApplicationId());
        }
        if (SubmissionKeys.sha256(in.value()).equals(existing.contentHash())) {
            return Decision.duplicate(in.dedupKey(), existing.id());
        }
        return recorder.rejectInCase(in, sender, existing.caseId(), application.getApplicationId(), List.of(Violation.of(
                ReasonCode.CONFLICTING_DUPLICATE, "applicationId",
                "application '" + application.getApplicationId() + "' was already accepted on " + existing.receivedAt()
                        + " as case " + existing.caseId() + " with different content; send additions as evidence, withdraw it, "
                        + "or use a new application id")));
    }

    private OutboxMessage openCaseCommand(InboundRecord in, ReadmissionApplicationSubmitted application, SubmissionRecorder.Accepted accepted) {
        OpenReadmissionCase command = OpenReadmissionCase.newBuilder()
                .setCaseRef(caseRef(accepted))
                .setReceivedAt(accepted.receivedAt())
                .setSubmissionId(in.attributes().id())
                .setApplication(application)
                .build();
        return messages.event(command, Topics.CASE_COMMANDS, accepted.caseId(), accepted.caseId(), accepted.receivedAt(),
                "command", in.dedupKey());
    }

    static CaseRef caseRef(SubmissionRecorder.Accepted accepted) {
        return CaseRef.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(accepted.caseId()).build())
                .setApplicationId(accepted.applicationId())
                .setRequestingParty(PartyCode.newBuilder().setValue(accepted.requestingParty()).build())
                .setRequestedParty(PartyCode.newBuilder().setValue(accepted.requestedParty()).build())
                .build();
    }
}
