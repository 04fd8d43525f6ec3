package org.readmission.identity.verification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code identity.verification-requests} one record at a time. Unreadable records and requests that cannot be
 * verified go to the dead-letter topic with the reason, so a bad record never blocks its partition. When Kafka or
 * MongoDB is unavailable the record is retried (the container's error handler) and nothing is lost.
 */
@Component
class VerificationRequestListener {

    static final String WRONG_EVENT_TYPE = "TYPE_MISMATCH";
    static final String NOT_VERIFIABLE = "VERIFICATION_FAILED";

    private static final Logger log = LoggerFactory.getLogger(VerificationRequestListener.class);

    private final EnvelopeReader envelopes;
    private final DeadLetters deadLetters;
    private final VerificationRequests requests;

    VerificationRequestListener(EnvelopeReader envelopes, DeadLetters deadLetters, VerificationRequests requests) {
        this.envelopes = envelopes;
        this.deadLetters = deadLetters;
        this.requests = requests;
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
        try {
            requests.handle(decoded.attributes().id(), request);
        } catch (ResultNotPublishedException | DataAccessResourceFailureException | TransientDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetter(record, NOT_VERIFIABLE, "the request could not be verified: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String code, String message) {
        log.warn("case {}: record {} sent to the dead-letter topic: {} {}", record.key(), DeadLetters.positionOf(record), code, message);
        deadLetters.send(record, code, message);
    }
}
