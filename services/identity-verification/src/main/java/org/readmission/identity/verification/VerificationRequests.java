package org.readmission.identity.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.identity.assessment.Assessment;
import org.readmission.identity.assessment.EvidenceAssessment;
import org.readmission.messaging.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one verification request exactly once per {@code ce_id}: verify, store the result with its encoded event
 * (PENDING_PUBLISH), publish, mark PUBLISHED. A repeated request whose result was published yields nothing; one
 * whose result is still pending (crash between store and publish) republishes the stored event, same {@code ce_id}.
 * The stored event is sealed under the case's key; for a case whose key is shredded (erased after its retention
 * period) nothing is verified or stored and a {@code CaseKeyShreddedException} is thrown.
 */
@Component
class VerificationRequests {

    private static final Logger log = LoggerFactory.getLogger(VerificationRequests.class);

    private final PersonChecks checks;
    private final VerificationResults results;
    private final EventPublisher publisher;
    private final AvroCodec codec;
    private final Clock clock;

    VerificationRequests(PersonChecks checks, VerificationResults results, EventPublisher publisher, AvroCodec codec, Clock clock) {
        this.checks = checks;
        this.results = results;
        this.publisher = publisher;
        this.codec = codec;
        this.clock = clock;
    }

    void handle(String requestId, IdentityVerificationRequested request) {
        String caseId = request.getCaseRef().getCaseId().getValue();
        VerificationResult result = results.of(requestId).orElseGet(() -> results.saveOrExisting(verify(requestId, request)));
        if (result.status() == PublicationStatus.PUBLISHED) {
            log.info("case {} person {}: request {} was already answered; nothing sent again", caseId, result.personId(), requestId);
            return;
        }
        SpecificRecord event;
        try {
            event = codec.decode(results.eventOf(result));
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("case " + caseId + ": the stored result " + result.resultId() + " does not decode", e);
        }
        try {
            publisher.publish(Topics.IDENTITY_VERIFICATION_RESULTS, caseId, result.resultId(), event, result.completedAt());
        } catch (RuntimeException e) {
            throw new ResultNotPublishedException("case " + caseId + ": result " + result.resultId() + " not published yet", e);
        }
        results.markPublished(requestId, clock.instant());
        log.info("case {} person {}: verification {} published", caseId, result.personId(),
                ((IdentityVerificationCompleted) event).getOutcome());
    }

    private VerificationResult verify(String requestId, IdentityVerificationRequested request) {
        String caseId = request.getCaseRef().getCaseId().getValue();
        results.refuseIfErased(caseId);
        Assessment assessment = EvidenceAssessment.assess(checks.check(request.getPerson(), caseId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IdentityVerificationCompleted event = IdentityVerificationCompleted.newBuilder()
                .setCaseRef(request.getCaseRef())
                .setOccurredAt(now)
                .setPersonId(request.getPersonId())
                .setOutcome(VerificationOutcome.valueOf(assessment.outcome().name()))
                .setReasons(assessment.reasons())
                .setReasonCodes(assessment.reasonCodes())
                .setEvidenceClass(AnnexClass.valueOf(assessment.evidenceClass().name()))
                .setFingerprintScoreBand(assessment.fingerprintBand())
                .setCompletedAt(now)
                .build();
        log.info("case {} person {}: outcome {} by rule {}", caseId, request.getPersonId(), assessment.outcome(), assessment.decidedBy());
        return results.sealed(requestId, EventIds.deterministic(requestId, "verification-result"), caseId,
                request.getPersonId(), request.getCaseRef().getRequestingParty().getValue(),
                request.getCaseRef().getRequestedParty().getValue(), codec.encode(event), now);
    }
}
