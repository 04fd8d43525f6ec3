package org.readmission.caseview.projection;

import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.common.CaseRef;
import org.readmission.events.partner.CaseClosed;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.readmission.retention.CaseClosure;
import org.readmission.retention.CaseRetention;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Applies one consumed record to the read model: decoded events to their case file (once: the applied
 * {@code ce_id}s are kept on the case, so a redelivery changes nothing), unreadable records to the dead-letter
 * topic with the reason. One case = one document, so every update is a single-document write.
 *
 * <p>Retention: a {@code CaseClosed} starts the case's retention period ({@link Retention#caseClosed}). An event of a
 * case whose personal data was erased is applied to its tombstone, which is stored without personal data; a case file
 * made anew for an erased case (a replay of the topics after the read model was dropped: {@code case_retention} and
 * {@code case_keys} are not dropped) is a tombstone from the start. An event that fails because the case's key is
 * shredded (an erasure under way) goes to the dead-letter topic with {@link Retention#CASE_ERASED}.
 */
@Service
public class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);
    private static final int ATTEMPTS = 5;

    public enum Outcome { APPLIED, DUPLICATE, DEAD_LETTERED }

    private final EnvelopeReader envelopes;
    private final DeadLetters deadLetters;
    private final CaseStore store;
    private final Retention retention;
    private final MeterRegistry meters;
    private final Counter duplicates;
    private final Counter deadLettered;

    Projection(EnvelopeReader envelopes, DeadLetters deadLetters, CaseStore store, Retention retention, MeterRegistry meters) {
        this.envelopes = envelopes;
        this.deadLetters = deadLetters;
        this.store = store;
        this.retention = retention;
        this.meters = meters;
        this.duplicates = Counter.builder("caseview.events.duplicates").description("redelivered events ignored").register(meters);
        this.deadLettered = Counter.builder("caseview.events.dead.lettered").description("records sent to a .dlt").register(meters);
    }

    public Outcome project(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = envelopes.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            return reject(record, unreadable.code().name(), unreadable.message());
        }
        Envelope.Decoded decoded = (Envelope.Decoded) envelope;
        Optional<CaseRef> ref = caseRefOf(decoded.payload());
        if (ref.isEmpty()) {
            return reject(record, "NOT_A_CASE_EVENT", decoded.attributes().type() + " carries no caseRef; the case view only reads case events");
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return applyOnce(decoded, ref.get());
                } catch (OptimisticLockingFailureException concurrent) {
                    if (attempt >= ATTEMPTS) {
                        throw concurrent;
                    }
                }
            }
        } catch (RuntimeException failure) {
            Optional<String> erased = Retention.erasedCaseIn(failure);
            if (erased.isPresent()) {
                return reject(record, Retention.CASE_ERASED, erased.get());
            }
            throw failure;
        }
    }

    private Outcome applyOnce(Envelope.Decoded decoded, CaseRef ref) {
        CloudEventAttributes ce = decoded.attributes();
        CaseFile.CaseRef caseRef = new CaseFile.CaseRef(ref.getCaseId().getValue(), ref.getApplicationId(),
                ref.getRequestingParty().getValue(), ref.getRequestedParty().getValue());
        if (decoded.payload() instanceof CaseClosed closed) {
            // first, so that a redelivery after a failed save still records it (once per ce_id)
            retention.caseClosed(ce.id(), CaseClosure.of(closed));
        }
        CaseFile file = store.load(caseRef.caseId()).orElseGet(() -> newCaseFile(caseRef));
        if (file.hasApplied(ce.id())) {
            duplicates.increment();
            return Outcome.DUPLICATE;
        }
        file.identify(caseRef);
        EventApplier.apply(file, ce, decoded.payload(), occurredAt(decoded));
        store.save(file);
        meters.counter("caseview.events.processed", "type", EventApplier.shortType(ce.type())).increment();
        log.debug("case {}: applied {} ({})", caseRef.caseId(), ce.type(), decoded.position());
        return Outcome.APPLIED;
    }

    /** A case the read model does not hold (yet, or any more after a replay dropped it): a tombstone if it was erased. */
    private CaseFile newCaseFile(CaseFile.CaseRef caseRef) {
        CaseFile file = CaseFile.of(caseRef);
        retention.of(caseRef.caseId()).map(CaseRetention::erasedAt).ifPresent(file::erased);
        return file;
    }

    private Outcome reject(ConsumerRecord<String, byte[]> record, String code, String message) {
        log.warn("record {} (key {}) is not projected: {} {}; sent to {}", DeadLetters.positionOf(record), record.key(),
                code, message, org.readmission.events.Topics.dlt(record.topic()));
        meters.counter("caseview.events.rejected", "reason", code).increment();
        deadLetters.send(record, code, message);
        deadLettered.increment();
        return Outcome.DEAD_LETTERED;
    }

    /** Used by the error handler once retries are exhausted. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Exception cause) {
        reject(record, "PROJECTION_FAILED", cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static Instant occurredAt(Envelope.Decoded decoded) {
        Schema.Field field = decoded.payload().getSchema().getField("occurredAt");
        Object value = field == null ? null : decoded.payload().get(field.pos());
        if (value instanceof Instant instant) {
            return instant;
        }
        return decoded.attributes().time() != null ? decoded.attributes().time() : Instant.now();
    }

    /** Every case event carries {@code caseRef}; read generically so that new event types project too. */
    static Optional<CaseRef> caseRefOf(SpecificRecord payload) {
        Schema.Field field = payload.getSchema().getField("caseRef");
        if (field == null) {
            return Optional.empty();
        }
        Object value = payload.get(field.pos());
        return value instanceof CaseRef ref ? Optional.of(ref) : Optional.empty();
    }
}
