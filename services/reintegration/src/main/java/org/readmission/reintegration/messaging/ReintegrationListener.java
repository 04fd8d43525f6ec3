package org.readmission.reintegration.messaging;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.Topics;
import org.readmission.events.partner.CaseClosed;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.messaging.DeadLetters;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.readmission.messaging.MessagingProperties;
import org.readmission.reintegration.referral.ReferralDesk;
import org.readmission.retention.CaseClosure;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the handoff process's requests ({@code reintegration.referrals}) and the providers' reports
 * ({@code reintegration.updates}) as raw bytes, so that no record can fail before it is judged.
 *
 * <p>Own events and providers' events share {@code reintegration.updates}: this service's have {@code ce_source} =
 * its own source ({@code readmission.messaging.source}) and are skipped; a provider's report is taken only from the
 * provider the referral is offered to ({@code ce_source} = its party code = the payload's providerParty).
 */
@Component
class ReintegrationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ReintegrationListener.class);

    private final EnvelopeReader reader;
    private final DeadLetters deadLetters;
    private final ReferralDesk desk;
    private final PendingRelay relay;
    private final Retention retention;
    private final Clock clock;
    private final String ownSource;

    ReintegrationListener(EnvelopeReader reader, DeadLetters deadLetters, ReferralDesk desk, PendingRelay relay,
                          Retention retention, Clock clock, MessagingProperties messaging) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.desk = desk;
        this.relay = relay;
        this.retention = retention;
        this.clock = clock;
        this.ownSource = messaging.source();
    }

    @KafkaListener(id = "reintegration-referrals", idIsGroup = false, topics = Topics.REINTEGRATION_REFERRALS)
    void onReferral(ConsumerRecord<String, byte[]> record) {
        try {
            referral(record);
        } catch (RuntimeException e) {
            deadLetterIfErased(record, e);
        }
    }

    private void referral(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = reader.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            deadLetter(record, unreadable.code().name(), unreadable.message());
            return;
        }
        Envelope.Decoded event = (Envelope.Decoded) envelope;
        String ceId = event.attributes().id();
        Instant at = timeOf(event.attributes());
        if (event.payload() instanceof ReintegrationReferralRequested requested) {
            if (!requested.getConsentGiven()) {
                deadLetter(record, "CONSENT_MISSING", "a referral needs the person's consent (consentGiven=true)");
                return;
            }
            if (retention.erased(requested.getCaseRef().getCaseId().getValue())) {
                deadLetter(record, Retention.CASE_ERASED, Retention.erasedMessage(requested.getCaseRef().getCaseId().getValue()));
                return;
            }
            relay.relay(desk.requested(ceId, EventMapping.request(requested), at));
        } else if (event.payload() instanceof ReintegrationConsentWithdrawn withdrawn) {
            relay.relay(desk.consentWithdrawn(ceId, withdrawn.getCaseRef().getCaseId().getValue(), withdrawn.getPersonId(), at));
        } else if (event.payload() instanceof ReintegrationClosed closed) {
            desk.closed(ceId, closed.getCaseRef().getCaseId().getValue(), closed.getPersonId(), closed.getOutcome().name(), at);
        } else {
            deadLetter(record, "UNEXPECTED_TYPE", event.attributes().type() + " does not belong on " + record.topic());
        }
    }

    @KafkaListener(id = "reintegration-updates", idIsGroup = false, topics = Topics.REINTEGRATION_UPDATES)
    void onUpdate(ConsumerRecord<String, byte[]> record) {
        try {
            update(record);
        } catch (RuntimeException e) {
            deadLetterIfErased(record, e);
        }
    }

    /**
     * Case closures on {@code readmission.case-events} start the case's retention period; every other case event is
     * someone else's business here. Unreadable records go to {@code readmission.case-events.dlt}.
     */
    @KafkaListener(id = "reintegration-case-events", idIsGroup = false, topics = Topics.CASE_EVENTS)
    void onCaseEvent(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = reader.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            deadLetter(record, unreadable.code().name(), unreadable.message());
            return;
        }
        Envelope.Decoded event = (Envelope.Decoded) envelope;
        if (event.payload() instanceof CaseClosed closed) {
            retention.caseClosed(event.attributes().id(), CaseClosure.of(closed));
        }
    }

    /** A late event of a case whose key is shredded cannot be kept: dead-lettered with CASE_ERASED. */
    private void deadLetterIfErased(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        deadLetter(record, Retention.CASE_ERASED, Retention.erasedCaseIn(failure).orElseThrow(() -> failure));
    }

    private void update(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = reader.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            deadLetter(record, unreadable.code().name(), unreadable.message());
            return;
        }
        Envelope.Decoded event = (Envelope.Decoded) envelope;
        if (ownSource.equals(event.attributes().source())
                || !(event.payload() instanceof ReintegrationProgressReported report)) {
            return; // our own progress, or facts for the case workflow
        }
        String sender = event.attributes().source();
        if (!sender.equals(report.getProviderParty().getValue())) {
            deadLetter(record, "SENDER_NOT_ALLOWED", "ce_source " + sender + " differs from providerParty "
                    + report.getProviderParty().getValue() + ": report as yourself");
            return;
        }
        ReferralDesk.Reported outcome = desk.reported(event.attributes().id(), sender,
                report.getCaseRef().getCaseId().getValue(), report.getPersonId(), report.getStage().name(),
                report.getNote(), timeOf(event.attributes()));
        if (outcome instanceof ReferralDesk.Reported.Refused refused) {
            deadLetter(record, refused.reasonCode(), refused.message());
        } else {
            relay.relay(((ReferralDesk.Reported.Applied) outcome).referral());
        }
    }

    private Instant timeOf(CloudEventAttributes attributes) {
        return attributes.time() != null ? attributes.time() : clock.instant();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String code, String message) {
        LOG.warn("Record {} (case {}) dead-lettered: {} {}", DeadLetters.positionOf(record), record.key(), code, message);
        deadLetters.send(record, code, message);
    }
}
