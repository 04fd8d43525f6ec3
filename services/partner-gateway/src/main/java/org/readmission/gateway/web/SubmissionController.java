package org.readmission.gateway.web;

import static org.readmission.events.partner.ReasonCode.*;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.EventType;
import org.readmission.events.Topics;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.submission.Submission;
import org.readmission.gateway.submission.SubmissionKeys;
import org.readmission.gateway.submission.Submissions;
import org.readmission.gateway.validation.ApplicationRules;
import org.readmission.gateway.validation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST entry for agencies without Kafka. An application is checked at once (422 with reason codes when it is
 * invalid), then put on {@code readmission.partner-submissions} on the sender's behalf and processed exactly like
 * a Kafka submission; its outcome is at the status URL and on the sender's notification topic.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Submissions", description = "Readmission applications from partner agencies")
class SubmissionController {

    static final String PARTY_HEADER = "X-Party-Code";

    private final PartyDirectory parties;
    private final ApplicationRules rules;
    private final AvroCodec codec;
    private final EventType applicationType;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Submissions submissions;
    private final Clock clock;

    SubmissionController(PartyDirectory parties, ApplicationRules rules, AvroCodec codec, EventCatalog catalog,
                         KafkaTemplate<String, byte[]> kafka, Submissions submissions, Clock clock) {
        this.parties = parties;
        this.rules = rules;
        this.codec = codec;
        this.applicationType = catalog.of(ReadmissionApplicationSubmitted.class);
        this.kafka = kafka;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Operation(summary = "Submit a readmission application",
            description = "202: accepted for processing (see statusUrl). 422: invalid, with reason codes. 403: unknown sender or type not allowed.")
    @PostMapping("/applications")
    ResponseEntity<?> submit(@Parameter(description = "Your party code, e.g. DE-BPOL") @RequestHeader(PARTY_HEADER) String partyCode,
                             @Parameter(description = "Optional id of this submission (becomes ce_id); repeat it when you retry")
                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                             @Valid @RequestBody ApplicationRequest request) throws InterruptedException {
        Optional<Party> sender = parties.find(partyCode);
        if (sender.isEmpty() || !sender.get().maySend(applicationType.ceType())) {
            Violation violation = sender.isEmpty()
                    ? Violation.of(UNKNOWN_SENDER, PARTY_HEADER, "'" + partyCode + "' is not a known party code")
                    : Violation.of(SENDER_NOT_ALLOWED, PARTY_HEADER, partyCode + " may not submit applications");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(RejectionProblem.of(HttpStatus.FORBIDDEN, "Sender not allowed", List.of(violation)));
        }
        ReadmissionApplicationSubmitted application = ApplicationJson.toAvro(request, sender.get().code());
        List<Violation> violations = rules.check(application, sender.get());
        if (!violations.isEmpty()) {
            return ResponseEntity.unprocessableEntity().body(RejectionProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Application rejected", violations));
        }
        byte[] payload = codec.encode(application);
        String submissionId = idempotencyKey != null && !idempotencyKey.isBlank() ? idempotencyKey
                : EventIds.deterministic(sender.get().code(), request.applicationId(), SubmissionKeys.sha256(payload));
        publish(sender.get(), submissionId, request.applicationId(), payload);
        return ResponseEntity.accepted().body(new SubmissionStatusView(submissionId, "PENDING", null, request.applicationId(),
                null, List.of(), statusUrl(submissionId)));
    }

    @Operation(summary = "Status of a submission: PENDING, ACCEPTED (with the case id) or REJECTED (with reasons)")
    @GetMapping("/submissions/{submissionId}")
    ResponseEntity<SubmissionStatusView> status(@RequestHeader(PARTY_HEADER) String partyCode, @PathVariable String submissionId) {
        Optional<Submission> found = submissions.findById(InboundRecord.eventKey(partyCode.toUpperCase(java.util.Locale.ROOT), submissionId));
        return found.map(s -> ResponseEntity.ok(new SubmissionStatusView(submissionId, s.status().name(), s.caseId(),
                        s.applicationId(), s.receivedAt(), s.violations(), statusUrl(submissionId))))
                .orElseGet(() -> ResponseEntity.ok(new SubmissionStatusView(submissionId, "PENDING", null, null, null, List.of(),
                        statusUrl(submissionId))));
    }

    private void publish(Party sender, String submissionId, String applicationId, byte[] payload) throws InterruptedException {
        CloudEventAttributes attributes = CloudEventAttributes.of(applicationType, submissionId, sender.code(), null, clock.instant());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, applicationId, payload);
        CloudEventHeaders.write(record.headers(), attributes);
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new SubmissionNotQueuedException(e);
        }
    }

    private static String statusUrl(String submissionId) {
        return "/api/v1/submissions/" + submissionId;
    }

    /** The broker did not take the submission: nothing was stored, the client may retry with the same id. */
    static class SubmissionNotQueuedException extends RuntimeException {
        SubmissionNotQueuedException(Throwable cause) {
            super("the submission could not be queued (" + cause.getMessage() + "); retry with the same Idempotency-Key", cause);
        }
    }

    static ProblemDetail notQueued(SubmissionNotQueuedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Submission not queued");
        return problem;
    }
}
