package org.readmission.gateway.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.readmission.audit.AuditAction;
import org.readmission.audit.AuditEntry;
import org.readmission.gateway.audit.ExchangeAudit;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.validation.Violation;

/** What the audit trail says about a settled batch: each record received and what became of it, each message sent. */
final class SubmissionAudit {

    private SubmissionAudit() {
    }

    static List<AuditEntry> of(List<InboundRecord> batch, List<Decision> settled, ExchangeAudit audit) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            InboundRecord in = batch.get(i);
            Decision decision = settled.get(i);
            Submission document = decision.document();
            String caseId = document == null ? null : document.caseId();
            if (decision.outcome() instanceof IntakeOutcome.Accepted accepted) {
                entries.add(audit.received(in, AuditAction.MESSAGE_RECEIVED, accepted.caseId(), "ACCEPTED"));
            } else if (decision.outcome() instanceof IntakeOutcome.Rejected rejected) {
                String codes = rejected.violations().stream().map(Violation::reason).distinct().collect(Collectors.joining(","));
                entries.add(audit.received(in, rejected.deadLettered() ? AuditAction.MESSAGE_DEAD_LETTERED : AuditAction.MESSAGE_REJECTED,
                        caseId, codes));
            } else {
                entries.add(audit.received(in, AuditAction.MESSAGE_RECEIVED, caseId, document == null ? "DUPLICATE" : "REDELIVERED"));
            }
            if (decision.publishes()) {
                entries.addAll(audit.sent(document.outbox(), caseId));
            }
        }
        return entries;
    }
}
