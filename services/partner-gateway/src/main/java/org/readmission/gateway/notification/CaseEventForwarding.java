package org.readmission.gateway.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.CaseRef;
import org.readmission.events.partner.ApplicationForwarded;
import org.readmission.events.partner.PersonalDataRectified;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.gateway.audit.ExchangeAudit;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.DeadLetters;
import org.readmission.gateway.outbox.OutboxDocuments;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutboxRelay;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.submission.SubmissionSealing;
import org.readmission.retention.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Passes partner-facing case events on to the parties concerned, each on its own notification topic: both parties
 * of the case, except the application itself (only the requested party needs it; the requesting party sent it).
 * Internal events are not passed on; reintegration events go to providers (not through this path).
 * The forwarded record is the case event as published (same ce_id, so a party de-duplicates across redeliveries); it is
 * stored sealed under the case's key. An event of a case erased after its retention period is not passed on: its DLT
 * copy says why ({@code CASE_ERASED}) and where it was, without its content.
 * Every message handed to a party is recorded in the audit trail once the broker has it (one append per batch).
 */
@Component
public class CaseEventForwarding {

    private static final Logger log = LoggerFactory.getLogger(CaseEventForwarding.class);
    private static final Set<Class<?>> NOT_FOR_THE_PARTIES = Set.of(ReintegrationReferralRequested.class, ReintegrationProgressReported.class);

    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final PartyDirectory parties;
    private final OutboxDocuments documents;
    private final OutboxRelay relay;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ExchangeAudit audit;
    private final SubmissionSealing sealing;

    CaseEventForwarding(AvroCodec codec, EventCatalog catalog, PartyDirectory parties, OutboxDocuments documents,
                        OutboxRelay relay, MongoTemplate mongo, Clock clock, ExchangeAudit audit, SubmissionSealing sealing) {
        this.sealing = sealing;
        this.codec = codec;
        this.catalog = catalog;
        this.parties = parties;
        this.documents = documents;
        this.relay = relay;
        this.mongo = mongo;
        this.clock = clock;
        this.audit = audit;
    }

    /** Forwards a batch of case events; returns how many were forwarded (redeliveries re-publish what was stored). */
    public int forwardAll(List<InboundRecord> batch) {
        List<OutboxDocuments.Seen> seen = documents.seen(ForwardedCaseEvent.class, batch);
        List<ForwardedCaseEvent> toStore = new ArrayList<>();
        List<ForwardedCaseEvent> toPublish = new ArrayList<>();
        Map<String, Boolean> erasedCases = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundRecord in = batch.get(i);
            if (seen.get(i) == OutboxDocuments.Seen.REDELIVERY) {
                toPublish.add(mongo.findById(in.dedupKey(), ForwardedCaseEvent.class));
            } else if (seen.get(i) == OutboxDocuments.Seen.NEW) {
                ForwardedCaseEvent forwarded = forward(in, erasedCases);
                if (forwarded != null) {
                    toStore.add(forwarded);
                }
            }
        }
        Set<Integer> taken = documents.insertAll(ForwardedCaseEvent.class, toStore);
        for (int i = 0; i < toStore.size(); i++) {
            if (!taken.contains(i)) {
                toPublish.add(toStore.get(i));
            }
        }
        List<ForwardedCaseEvent> published = toPublish.stream().filter(f -> f != null).toList();
        relay.publish(published);
        audit.record(published.stream().flatMap(f -> audit.sent(f.outbox(), f.caseId()).stream()).toList());
        return toPublish.size();
    }

    /**
     * @param erasedCases whether a case of the batch was erased, looked up once per case and batch
     */
    private ForwardedCaseEvent forward(InboundRecord in, Map<String, Boolean> erasedCases) {
        SpecificRecord event;
        try {
            event = codec.decode(in.value());
        } catch (UndecodableEventException e) {
            log.warn("case event at {} is undecodable ({}); copied to the DLT", in.kafkaPosition(), e.problem());
            return new ForwardedCaseEvent(in.dedupKey(), null, in.attributes().type(), List.of(), clock.instant(), in.kafkaPosition(),
                    List.of(DeadLetters.of(in, e.problem().name(), e.getMessage())));
        }
        EventType type = catalog.of(event.getClass());
        Schema.Field caseRefField = event.getSchema().getField("caseRef");
        if (!type.partnerFacing() || caseRefField == null || NOT_FOR_THE_PARTIES.contains(event.getClass())) {
            return null;
        }
        CaseRef caseRef = (CaseRef) ((GenericRecord) event).get("caseRef");
        String caseId = caseRef.getCaseId().getValue();
        if (erasedCases.computeIfAbsent(caseId, id -> sealing.erasedAt(id).isPresent())) {
            // the case's personal data was erased after its retention period: nothing of it is passed on or kept again;
            // the DLT gets the reason and the original position only (the record itself stays where it was)
            log.warn("case {}: {} at {} not forwarded: {}", caseId, type.ceType(), in.kafkaPosition(), Retention.CASE_ERASED);
            return new ForwardedCaseEvent(in.dedupKey(), caseId, type.ceType(), List.of(), clock.instant(), in.kafkaPosition(),
                    List.of(DeadLetters.withoutValue(in, Retention.CASE_ERASED, Retention.erasedMessage(caseId))));
        }
        Set<String> recipients = new LinkedHashSet<>();
        if (!(event instanceof ApplicationForwarded)) {
            recipients.add(caseRef.getRequestingParty().getValue());
        }
        recipients.add(caseRef.getRequestedParty().getValue());
        if (event instanceof PersonalDataRectified rectified) {
            // only the party that did not send the data needs the corrected record (minimisation)
            recipients.remove(rectified.getCorrectedBy().getValue());
        }
        List<OutboxMessage> outbox = new ArrayList<>();
        for (String party : recipients) {
            if (parties.find(party).isEmpty()) {
                log.warn("case {}: {} not forwarded to unknown party {}", caseId, type.ceType(), party);
                continue;
            }
            // stored under the case's key (an event may carry personal data, e.g. the forwarded application)
            outbox.add(new OutboxMessage(in.attributes().id(), Topics.partnerNotifications(party), caseId, in.headers(), in.value())
                    .sealedUnder(caseId, in.dedupKey()));
        }
        return new ForwardedCaseEvent(in.dedupKey(), caseId, type.ceType(), List.copyOf(recipients), clock.instant(), in.kafkaPosition(), outbox);
    }
}
