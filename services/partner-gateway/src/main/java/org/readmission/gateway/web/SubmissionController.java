package org.readmission.gateway.web;

import org.readmission.gateway.audit.ExchangeAudit;
import org.readmission.security.PartyIsolation;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

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
    private final ExchangeAudit audit;
    private final Clock clock;

    SubmissionController(PartyDirectory parties, ApplicationRules rules, AvroCodec codec, EventCatalog catalog,
                         KafkaTemplate<String, byte[]> kafka, Submissions submissions, ExchangeAudit audit, Clock clock) {
        this.audit = audit;
        this.parties = parties;
        this.rules = rules;
        this.codec = codec;
        this.applicationType = catalog.of(ReadmissionApplicationSubmitted.class);
        this.kafka = kafka;
        this.submissions = submissions;
        this.clock = clock;
    }

    @Operation(summary = "Submit a readmission application",
            description = "Needs a partner system's bearer token: the sender is the token's party. 202: accepted for "
                    + "processing (see statusUrl). 422: invalid, with reason codes. 401: no valid token. 403: not a partner "
                    + "system, sender not allowed to submit, or X-Party-Code naming another party than the token's (audited).")
    @PostMapping("/applications")
    ResponseEntity<?> submit(@AuthenticationPrincipal ReadmissionPrincipal caller,
                             @Parameter(description = "Optional: your party code, e.g. DE-BPOL; must be the token's party")
                             @RequestHeader(value = PARTY_HEADER, required = false) String partyCode,
                             @Parameter(description = "Optional id of this submission (becomes ce_id); repeat it when you retry")
                             @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
                             @Valid @RequestBody ApplicationRequest request) throws InterruptedException {
        String claimed = partyCode == null || partyCode.isBlank() ? caller.party() : partyCode;
        if (!PartyIsolation.maySendAs(caller, claimed)) {
            // the authenticated partner sends in another party's name (or is no partner system): refused and audited
            String reason = !caller.hasRole(Role.PARTNER_SYSTEM) ? "NOT_A_PARTNER_SYSTEM" : "SENDER_DIFFERS_FROM_TOKEN";
            audit.refusedSubmission(caller.party(), applicationType.ceType(), idempotencyKey, SENDER_NOT_ALLOWED + ":" + reason);
            Violation violation = Violation.of(SENDER_NOT_ALLOWED, PARTY_HEADER, reason.equals("NOT_A_PARTNER_SYSTEM")
                    ? "only a partner system's token may submit applications"
                    : "the submission names " + claimed + " as its sender, but the token is " + caller.party() + "'s");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(RejectionProblem.of(HttpStatus.FORBIDDEN, "Sender not allowed", List.of(violation)));
        }
        Optional<Party> sender = parties.find(claimed);
        if (sender.isEmpty() || !sender.get().maySend(applicationType.ceType())) {
            Violation violation = sender.isEmpty()
                    ? Violation.of(UNKNOWN_SENDER, PARTY_HEADER, "'" + claimed + "' is not a known party code")
                    : Violation.of(SENDER_NOT_ALLOWED, PARTY_HEADER, claimed + " may not submit applications");
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
    ResponseEntity<SubmissionStatusView> status(@AuthenticationPrincipal ReadmissionPrincipal caller, @PathVariable String submissionId) {
        // only the sender's own submissions: the key is the token's party and the id
        Optional<Submission> found = caller.party() == null ? Optional.empty()
                : submissions.findById(InboundRecord.eventKey(caller.party().toUpperCase(java.util.Locale.ROOT), submissionId));
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
