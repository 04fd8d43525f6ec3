package org.readmission.gateway.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.readmission.audit.AuditAction;
import org.readmission.audit.AuditEntry;
import org.readmission.audit.AuditTrail;
import org.readmission.audit.AuditValues;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.OutboxMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Records every message exchanged with a partner in the audit trail: who sent it or to whom it went, its ce_type and
 * ce_id, the case and what became of it. Identifiers and codes only, never the payload. A batch is one append.
 * Values a partner chose (ce_source, ce_id, ce_type) are recorded as they are when they are identifiers, else by hash.
 */
@Component
public class ExchangeAudit {

    public static final String PURPOSE = "readmission exchange";
    private static final String NOTIFICATIONS = Topics.partnerNotifications("");

    private final AuditTrail trail;
    private final Clock clock;
    private final String service;

    ExchangeAudit(AuditTrail trail, Clock clock, @Value("${readmission.gateway.source:partner-gateway}") String service) {
        this.trail = trail;
        this.clock = clock;
        this.service = service;
    }

    /**
     * A partner's message as received, and what became of it (ACCEPTED, DUPLICATE, REDELIVERED or reason codes). Recorded
     * as the party the broker authenticated as its writer when the topic tells it (see {@link InboundRecord#sender()}),
     * else as the party its ce_source names.
     */
    public AuditEntry received(InboundRecord in, AuditAction action, String caseId, String outcome) {
        String party = AuditValues.identifier(in.sender());
        String reference = in.attributes().id() == null || in.attributes().id().isBlank() ? in.kafkaPosition() : in.attributes().id();
        return new AuditEntry(clock.instant(), AuditEntry.partner(party), party, action, AuditValues.identifier(in.attributes().type()),
                AuditValues.identifier(reference), AuditValues.identifier(caseId), PURPOSE, outcome);
    }

    /** The messages of an outbox that went to a partner (its notification topic); commands and DLT copies are internal. */
    public List<AuditEntry> sent(List<OutboxMessage> outbox, String caseId) {
        List<AuditEntry> entries = new ArrayList<>();
        for (OutboxMessage message : outbox) {
            if (!message.topic().startsWith(NOTIFICATIONS)) {
                continue;
            }
            String party = message.topic().substring(NOTIFICATIONS.length()).toUpperCase(Locale.ROOT);
            String type = message.headers().stream().filter(h -> CloudEventHeaders.TYPE.equals(h.name())).map(OutboxMessage.Header::value)
                    .findFirst().orElse(null);
            entries.add(new AuditEntry(clock.instant(), AuditEntry.service(service), AuditValues.identifier(party), AuditAction.MESSAGE_SENT,
                    AuditValues.identifier(type), AuditValues.identifier(message.id()), AuditValues.identifier(caseId), PURPOSE, null));
        }
        return entries;
    }

    /**
     * A submission refused before it was taken: the authenticated partner ({@code caller}, from its token) sent it in
     * the name of another party ({@code claimedSender}). Recorded as the caller's, with the claim in the outcome.
     */
    public void refusedSubmission(String callerParty, String ceType, String reference, String outcome) {
        String party = AuditValues.identifier(callerParty);
        trail.append(new AuditEntry(clock.instant(), AuditEntry.partner(party), party, AuditAction.MESSAGE_REJECTED,
                AuditValues.identifier(ceType), AuditValues.identifier(reference), null, PURPOSE, outcome));
    }

    /** Appends a batch's entries to the trail in one go. */
    public void record(List<AuditEntry> entries) {
        trail.appendAll(entries);
    }
}
