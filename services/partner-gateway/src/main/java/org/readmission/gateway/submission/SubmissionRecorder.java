package org.readmission.gateway.submission;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.partner.Reason;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.DeadLetters;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutgoingMessages;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.validation.Violation;
import org.readmission.retention.Retention;
import org.springframework.stereotype.Component;

/**
 * Writes down the decision about a submission together with the messages it causes (acknowledgement or rejection
 * to the sender, command to the case workflow, copy to the DLT) as one document, to be stored and relayed.
 */
@Component
class SubmissionRecorder {

    private final OutgoingMessages messages;
    private final SubmissionSealing sealing;
    private final Clock clock;

    SubmissionRecorder(OutgoingMessages messages, SubmissionSealing sealing, Clock clock) {
        this.messages = messages;
        this.sealing = sealing;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** An accepted submission, owing the command and the acknowledgement; {@code ifTaken} decides when its keys are taken. */
    Decision accept(InboundRecord in, Party sender, String claimKey, Accepted accepted, OutboxMessage command,
                    java.util.function.Supplier<Decision> ifTaken) {
        SubmissionAcknowledged ack = SubmissionAcknowledged.newBuilder()
                .setSubmissionId(in.attributes().id())
                .setSubmissionType(in.attributes().type())
                .setApplicationId(accepted.applicationId())
                .setCaseId(CaseId.newBuilder().setValue(accepted.caseId()).build())
                .setReceivedAt(accepted.receivedAt())
                .build();
        OutboxMessage ackMessage = messages.event(ack, Topics.partnerNotifications(sender.code()), accepted.caseId(),
                accepted.caseId(), accepted.receivedAt(), "acknowledgement", in.dedupKey());
        // the payload and both messages (the command carries the application or the message) under the case's key
        String key = in.dedupKey();
        Submission submission = new Submission(key, claimKey, in.attributes().id(), sender.code(),
                in.attributes().type(), SubmissionStatus.ACCEPTED, accepted.caseId(), accepted.applicationId(),
                accepted.requestingParty(), accepted.requestedParty(), SubmissionKeys.sha256(in.value()), List.of(),
                accepted.receivedAt(), in.kafkaPosition(), List.of(), sealing.payload(accepted.caseId(), key, in.value()),
                SubmissionSealing.outbox(accepted.caseId(), key, List.of(command, ackMessage)), true, null);
        return new Decision(new IntakeOutcome.Accepted(in.dedupKey(), accepted.caseId()), submission, ifTaken);
    }

    /** A rejection, owing a notice to the sender when it is a known party and a DLT copy of undecodable input. */
    Decision reject(InboundRecord in, Optional<Party> sender, boolean deadLetter, String applicationId, List<Violation> violations) {
        return reject(in, sender, deadLetter, null, applicationId, violations);
    }

    /**
     * A rejection of a submission about a case known here ({@code caseId}, not erased): stored like any rejection, its
     * payload and messages sealed under the case's key, so that they go with the case's other data at its end.
     */
    Decision rejectInCase(InboundRecord in, Party sender, String caseId, String applicationId, List<Violation> violations) {
        return reject(in, Optional.of(sender), false, caseId, applicationId, violations);
    }

    /**
     * A submission about a case whose personal data was erased after its retention period: refused with
     * {@link Retention#CASE_ERASED}, answered to the sender and audited, and nothing of its content kept (no payload, no
     * hash, no DLT copy): the document holds ids, type, dates and the reason only.
     */
    Decision refuseErased(InboundRecord in, Party sender, String caseId, String applicationId) {
        Instant now = clock.instant();
        List<Violation> violations = List.of(Violation.caseErased(caseId));
        String key = in.dedupKey();
        Submission submission = new Submission(key, key, in.attributes().id(), in.sender(), in.attributes().type(),
                SubmissionStatus.REJECTED, caseId, applicationId, null, null, null, violations, now, in.kafkaPosition(),
                in.headers(), null, List.of(rejectionNotice(in, sender, applicationId, violations, now)), false, now);
        return new Decision(new IntakeOutcome.Rejected(key, violations, false), submission, () -> Decision.duplicate(key, key));
    }

    private Decision reject(InboundRecord in, Optional<Party> sender, boolean deadLetter, String caseId, String applicationId,
                            List<Violation> violations) {
        Instant now = clock.instant();
        List<OutboxMessage> outbox = new ArrayList<>();
        sender.ifPresent(party -> outbox.add(rejectionNotice(in, party, applicationId, violations, now)));
        if (deadLetter) {
            outbox.add(DeadLetters.of(in, violations.get(0).code().name(), violations.get(0).message()));
        }
        String key = in.dedupKey();
        Submission submission = new Submission(key, key, in.attributes().id(), in.sender(), in.attributes().type(),
                SubmissionStatus.REJECTED, caseId, applicationId, null, null, SubmissionKeys.sha256(in.value()), violations,
                now, in.kafkaPosition(), in.headers(), sealing.payload(caseId, key, in.value()),
                SubmissionSealing.outbox(caseId, key, outbox), caseId != null, null);
        return new Decision(new IntakeOutcome.Rejected(key, violations, deadLetter), submission, () -> Decision.duplicate(key, key));
    }

    private OutboxMessage rejectionNotice(InboundRecord in, Party sender, String applicationId, List<Violation> violations, Instant now) {
        List<Reason> reasons = violations.stream()
                .map(v -> Reason.newBuilder().setCode(v.code()).setField(v.field()).setMessage(v.message()).build())
                .toList();
        String submissionId = in.attributes().id() == null ? "" : in.attributes().id();
        SubmissionRejected rejected = SubmissionRejected.newBuilder()
                .setSubmissionId(submissionId)
                .setSubmissionType(in.attributes().type())
                .setApplicationId(applicationId)
                .setReasons(reasons)
                .setMessage(summary(submissionId, violations))
                .setRejectedAt(now)
                .build();
        String key = applicationId != null ? applicationId : submissionId;
        return messages.event(rejected, Topics.partnerNotifications(sender.code()), key, null, now, "rejection", in.dedupKey());
    }

    private static String summary(String submissionId, List<Violation> violations) {
        String what = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        return "Submission " + (submissionId.isEmpty() ? "without ce_id" : submissionId) + " was rejected and not passed on: "
                + what + ". Correct it and send it again with a new ce_id.";
    }

    /** The facts of an accepted submission that the stored document and the acknowledgement share. */
    record Accepted(String caseId, String applicationId, String requestingParty, String requestedParty, Instant receivedAt) {
    }
}
