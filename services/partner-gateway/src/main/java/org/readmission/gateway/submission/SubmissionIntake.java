package org.readmission.gateway.submission;

import static org.readmission.events.partner.ReasonCode.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.audit.ExchangeAudit;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.inbound.SubmissionTopics;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.validation.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides about inbound submissions: the envelope first (CloudEvents headers, sent in the name of the party that
 * wrote it when the topic tells who did, decodable Avro, known schema, known sender allowed to send this type), then the
 * content, by type. Never throws for bad input: every outcome is stored
 * and answered. A batch (one Kafka poll) is decided in memory, stored in one bulk write (no read before it) and published
 * together before its offsets are committed; whatever collides with a stored key is looked up and settled. Once the broker
 * has the batch's messages, what was received and sent is appended to the audit trail (one append per batch).
 * Logs carry ids and reason codes only, never personal data.
 */
@Component
public class SubmissionIntake {

    private static final Logger log = LoggerFactory.getLogger(SubmissionIntake.class);

    private final SubmissionStore store;
    private final PartyDirectory parties;
    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final SubmissionRecorder recorder;
    private final ApplicationIntake applications;
    private final CaseMessageIntake caseMessages;
    private final ExchangeAudit audit;
    private final SubmissionTopics topics;
    private final SubmissionSealing sealing;

    SubmissionIntake(SubmissionStore store, PartyDirectory parties, AvroCodec codec, EventCatalog catalog,
                     SubmissionRecorder recorder, ApplicationIntake applications, CaseMessageIntake caseMessages,
                     ExchangeAudit audit, SubmissionTopics topics, SubmissionSealing sealing) {
        this.topics = topics;
        this.sealing = sealing;
        this.store = store;
        this.parties = parties;
        this.codec = codec;
        this.catalog = catalog;
        this.recorder = recorder;
        this.applications = applications;
        this.caseMessages = caseMessages;
        this.audit = audit;
    }

    public IntakeOutcome receive(InboundRecord in) {
        return receiveAll(List.of(in)).get(0);
    }

    /**
     * Decides, stores and relays a batch; the outcomes are in the order of the batch. Nothing is read first: every record
     * whose key is new in the batch is decided and the batch is inserted in one bulk write. The unique keys of the store
     * tell which records were there already; only those are looked up (one query), to publish the stored messages again
     * when it is the same record at the same position (a redelivery), or to settle them as duplicates or conflicts.
     */
    public List<IntakeOutcome> receiveAll(List<InboundRecord> received) {
        List<InboundRecord> batch = received.stream().map(topics::authenticate).toList();
        sealing.prepareFor(batch);
        Set<String> inBatch = new HashSet<>();
        Map<String, Submission> acceptedApplications = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(batch.size());
        for (InboundRecord in : batch) {
            Decision decision = inBatch.add(in.dedupKey()) ? decide(in, acceptedApplications)
                    : Decision.duplicate(in.dedupKey(), in.dedupKey());
            if (decision.outcome() instanceof IntakeOutcome.Accepted && decision.document().isApplication()) {
                acceptedApplications.put(decision.document().caseId(), decision.document());
            }
            decisions.add(decision);
        }
        List<Decision> settled = store.storeAndRelay(decisions);
        audit.record(SubmissionAudit.of(batch, settled, audit));
        settled.stream().filter(Decision::stores).forEach(SubmissionIntake::log);
        return settled.stream().map(Decision::outcome).toList();
    }

    private Decision decide(InboundRecord in, Map<String, Submission> acceptedApplications) {
        CloudEventAttributes ce = in.attributes();
        // on a party's own topic the sender is the party the broker authenticated, whatever ce_source says
        Optional<Party> sender = parties.find(in.sender());
        List<String> missing = ce.missingRequired();
        if (!missing.isEmpty()) {
            return deadLetter(in, sender, Violation.of(MISSING_HEADER, String.join(",", missing),
                    "missing CloudEvents header(s) " + missing + ": every submission carries ce_id, ce_type, ce_source and ce_specversion"));
        }
        if (!in.sentInItsWritersName()) {
            // the authenticated party sends in another party's name: refused like a REST submission in another's name,
            // answered to the writer (not to the party it names), audited as the writer's rejected message
            return recorder.reject(in, sender, false, null, List.of(Violation.of(SENDER_NOT_ALLOWED, "ce_source",
                    "the submission names " + ce.source() + " as its sender (ce_source), but it was written to " + in.topic()
                            + ", which only " + in.sender() + " can write: send in your own name only")));
        }
        SpecificRecord record;
        try {
            record = codec.decode(in.value());
        } catch (UndecodableEventException e) {
            var code = e.problem() == UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT ? UNKNOWN_SCHEMA : UNDECODABLE_PAYLOAD;
            return deadLetter(in, sender, Violation.of(code, null, e.getMessage()));
        }
        EventType type = catalog.of(record.getClass());
        if (!type.ceType().equals(ce.type())) {
            return deadLetter(in, sender, Violation.of(TYPE_MISMATCH, "ce_type",
                    "ce_type '" + ce.type() + "' does not match the payload's schema " + type.schema().getFullName()
                            + " (expected ce_type '" + type.ceType() + "')"));
        }
        if (sender.isEmpty()) {
            return deadLetter(in, sender, Violation.of(UNKNOWN_SENDER, "ce_source",
                    "ce_source '" + ce.source() + "' is not a known party code"));
        }
        if (!sender.get().maySend(type.ceType())) {
            return recorder.reject(in, sender, false, null, List.of(Violation.of(SENDER_NOT_ALLOWED, "ce_type",
                    sender.get().code() + " is not allowed to send " + type.ceType())));
        }
        if (record instanceof ReadmissionApplicationSubmitted application) {
            return applications.decide(in, sender.get(), application);
        }
        return caseMessages.decide(in, sender.get(), type, record, acceptedApplications);
    }

    private Decision deadLetter(InboundRecord in, Optional<Party> sender, Violation violation) {
        return recorder.reject(in, sender, true, null, List.of(violation));
    }

    private static void log(Decision decision) {
        if (decision.outcome() instanceof IntakeOutcome.Rejected rejected) {
            Submission s = decision.document();
            log.info("rejected submission {} from {} at {}: {}", s.ceId(), s.source(), s.kafkaPosition(),
                    rejected.violations().stream().map(Violation::reason).distinct().toList());
        } else if (decision.outcome() instanceof IntakeOutcome.Accepted accepted && log.isDebugEnabled()) {
            log.debug("accepted {} {} for case {}", decision.document().type(), decision.document().ceId(), accepted.caseId());
        }
    }
}
