package org.readmission.identity.verification;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code identity.verification-requests} one record at a time. Unreadable records and requests that cannot be
 * verified go to the dead-letter topic with the reason, so a bad record never blocks its partition. When Kafka or
 * MongoDB is unavailable the record is retried (the container's error handler) and nothing is lost. A request for a
 * case whose personal data was erased after its retention period (or any failure caused by its shredded key) is
 * dead-lettered with {@link Retention#CASE_ERASED}: nothing is verified or kept for it again.
 */
@Component
class VerificationRequestListener {

    static final String WRONG_EVENT_TYPE = "TYPE_MISMATCH";
    static final String NOT_VERIFIABLE = "VERIFICATION_FAILED";

    private static final Logger log = LoggerFactory.getLogger(VerificationRequestListener.class);

    private final EnvelopeReader envelopes;
    private final DeadLetters deadLetters;
    private final VerificationRequests requests;
    private final Retention retention;

    VerificationRequestListener(EnvelopeReader envelopes, DeadLetters deadLetters, VerificationRequests requests,
                                Retention retention) {
        this.envelopes = envelopes;
        this.deadLetters = deadLetters;
        this.requests = requests;
        this.retention = retention;
    }

    @KafkaListener(id = "identity-verification-requests", topics = Topics.IDENTITY_VERIFICATION_REQUESTS,
            concurrency = "${readmission.identity.consumer-concurrency:1}")
    void onRequest(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = envelopes.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            deadLetter(record, unreadable.code().name(), unreadable.message());
            return;
        }
        Envelope.Decoded decoded = (Envelope.Decoded) envelope;
        if (!(decoded.payload() instanceof IdentityVerificationRequested request)) {
            deadLetter(record, WRONG_EVENT_TYPE, "expected an IdentityVerificationRequested on this topic, got " + decoded.attributes().type());
            return;
        }
        String caseId = request.getCaseRef().getCaseId().getValue();
        if (retention.erased(caseId)) {
            deadLetter(record, Retention.CASE_ERASED, Retention.erasedMessage(caseId));
            return;
        }
        try {
            requests.handle(decoded.attributes().id(), request);
        } catch (ResultNotPublishedException | DataAccessResourceFailureException | TransientDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            Optional<String> erased = Retention.erasedCaseIn(e);
            if (erased.isPresent()) {
                deadLetter(record, Retention.CASE_ERASED, erased.get());
                return;
            }
            deadLetter(record, NOT_VERIFIABLE, "the request could not be verified: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String code, String message) {
        log.warn("case {}: record {} sent to the dead-letter topic: {} {}", record.key(), DeadLetters.positionOf(record), code, message);
        deadLetters.send(record, code, message);
    }
}
