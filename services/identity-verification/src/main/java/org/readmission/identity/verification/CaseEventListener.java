package org.readmission.identity.verification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.events.partner.CaseClosed;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.readmission.retention.CaseClosure;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code readmission.case-events} (consumer group = the service's) for the closures: a {@code CaseClosed}
 * starts the case's retention period here ({@link Retention#caseClosed}); every other case event is someone else's
 * business. Unreadable records and closures that cannot be recorded go to {@code readmission.case-events.dlt} with
 * the reason; when MongoDB is unavailable the record is retried (the container's error handler).
 */
@Component
class CaseEventListener {

    static final String CLOSURE_NOT_RECORDED = "CLOSURE_NOT_RECORDED";

    private static final Logger log = LoggerFactory.getLogger(CaseEventListener.class);

    private final EnvelopeReader envelopes;
    private final DeadLetters deadLetters;
    private final Retention retention;

    CaseEventListener(EnvelopeReader envelopes, DeadLetters deadLetters, Retention retention) {
        this.envelopes = envelopes;
        this.deadLetters = deadLetters;
        this.retention = retention;
    }

    @KafkaListener(id = "identity-verification-case-events", idIsGroup = false, topics = Topics.CASE_EVENTS)
    void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = envelopes.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            deadLetter(record, unreadable.code().name(), unreadable.message());
            return;
        }
        Envelope.Decoded decoded = (Envelope.Decoded) envelope;
        if (!(decoded.payload() instanceof CaseClosed closed)) {
            return;
        }
        try {
            retention.caseClosed(decoded.attributes().id(), CaseClosure.of(closed));
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetter(record, CLOSURE_NOT_RECORDED, "the closure could not be recorded for retention: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String code, String message) {
        log.warn("case {}: case event {} sent to the dead-letter topic: {} {}", record.key(), DeadLetters.positionOf(record),
                code, message);
        deadLetters.send(record, code, message);
    }
}
