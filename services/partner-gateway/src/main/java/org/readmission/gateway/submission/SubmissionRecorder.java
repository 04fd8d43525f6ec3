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
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutboxRelay;
import org.readmission.gateway.outbox.OutgoingMessages;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores the decision about a submission together with the messages it causes (acknowledgement or rejection to
 * the sender, command to the case workflow, copy to the DLT) in one document, then hands it to the relay.
 * Logs carry ids and reason codes only, never personal data.
 */
@Component
class SubmissionRecorder {

    private static final Logger log = LoggerFactory.getLogger(SubmissionRecorder.class);

    static final String DLT_REASON_CODE = "dlt-reason-code";
    static final String DLT_REASON_MESSAGE = "dlt-reason-message";
    static final String DLT_ORIGINAL_POSITION = "dlt-original-position";

    private final Submissions submissions;
    private final OutgoingMessages messages;
    private final OutboxRelay relay;
    private final Clock clock;

    SubmissionRecorder(Submissions submissions, OutgoingMessages messages, OutboxRelay relay, Clock clock) {
        this.submissions = submissions;
        this.messages = messages;
        this.relay = relay;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** Stores an accepted submission; throws {@link DuplicateKeyException} when its id or claim key is taken. */
    IntakeOutcome accept(InboundSubmission in, Party sender, String claimKey, Accepted accepted, OutboxMessage command) {
        SubmissionAcknowledged ack = SubmissionAcknowledged.newBuilder()
                .setSubmissionId(in.attributes().id())
                .setSubmissionType(in.attributes().type())
                .setApplicationId(accepted.applicationId())
                .setCaseId(CaseId.newBuilder().setValue(accepted.caseId()).build())
                .setReceivedAt(accepted.receivedAt())
                .build();
        OutboxMessage ackMessage = messages.event(ack, Topics.partnerNotifications(sender.code()), accepted.caseId(),
                accepted.caseId(), accepted.receivedAt(), "acknowledgement", in.submissionKey());
        Submission submission = new Submission(in.submissionKey(), claimKey, in.attributes().id(), sender.code(),
                in.attributes().type(), SubmissionStatus.ACCEPTED, accepted.caseId(), accepted.applicationId(),
                accepted.requestingParty(), accepted.requestedParty(), SubmissionKeys.sha256(in.value()), List.of(),
                accepted.receivedAt(), in.kafkaPosition(), in.headers(), in.value(), List.of(command, ackMessage), true);
        submissions.insert(submission);
        relay.relay(submission, Submission.class);
        log.info("accepted {} {} as case {}", in.attributes().type(), in.attributes().id(), accepted.caseId());
        return new IntakeOutcome.Accepted(in.submissionKey(), accepted.caseId());
    }

    /** Stores a rejection; tells the sender when it is a known party and copies undecodable input to the DLT. */
    IntakeOutcome reject(InboundSubmission in, Optional<Party> sender, boolean deadLetter, String applicationId, List<Violation> violations) {
        Instant now = clock.instant();
        List<OutboxMessage> outbox = new ArrayList<>();
        sender.ifPresent(party -> outbox.add(rejectionNotice(in, party, applicationId, violations, now)));
        if (deadLetter) {
            outbox.add(deadLetter(in, violations.get(0)));
        }
        String key = in.submissionKey();
        Submission submission = new Submission(key, key, in.attributes().id(), in.attributes().source(), in.attributes().type(),
                SubmissionStatus.REJECTED, null, applicationId, null, null, SubmissionKeys.sha256(in.value()), violations,
                now, in.kafkaPosition(), in.headers(), in.value(), outbox, !outbox.isEmpty());
        try {
            submissions.insert(submission);
        } catch (DuplicateKeyException alreadyStored) {
            return new IntakeOutcome.Duplicate(key, key);
        }
        if (!outbox.isEmpty()) {
            relay.relay(submission, Submission.class);
        }
        log.info("rejected submission {} from {} at {}: {}", in.attributes().id(), in.attributes().source(), in.kafkaPosition(),
                violations.stream().map(v -> v.code().name()).distinct().collect(Collectors.joining(",")));
        return new IntakeOutcome.Rejected(key, violations, deadLetter);
    }

    private OutboxMessage rejectionNotice(InboundSubmission in, Party sender, String applicationId, List<Violation> violations, Instant now) {
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
        return messages.event(rejected, Topics.partnerNotifications(sender.code()), key, null, now, "rejection", in.submissionKey());
    }

    private static String summary(String submissionId, List<Violation> violations) {
        String what = violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        return "Submission " + (submissionId.isEmpty() ? "without ce_id" : submissionId) + " was rejected and not passed on: "
                + what + ". Correct it and send it again with a new ce_id.";
    }

    private static OutboxMessage deadLetter(InboundSubmission in, Violation reason) {
        List<OutboxMessage.Header> headers = new ArrayList<>(in.headers());
        headers.add(new OutboxMessage.Header(DLT_REASON_CODE, reason.code().name()));
        headers.add(new OutboxMessage.Header(DLT_REASON_MESSAGE, reason.message()));
        headers.add(new OutboxMessage.Header(DLT_ORIGINAL_POSITION, in.kafkaPosition()));
        String id = org.readmission.events.EventIds.deterministic("dead-letter", in.submissionKey());
        return new OutboxMessage(id, Topics.dlt(in.topic()), in.key(), headers, in.value());
    }

    /** The facts of an accepted submission that the stored document and the acknowledgement share. */
    record Accepted(String caseId, String applicationId, String requestingParty, String requestedParty, Instant receivedAt) {
    }
}
