package org.readmission.gateway.messaging;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.notification.CaseEventForwarding;
import org.readmission.events.UndecodableEventException;
import org.readmission.retention.CaseClosures;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code readmission.case-events} (raw bytes): passes partner-facing events on to the parties concerned, and
 * starts the retention period of every case closed ({@code CaseClosed}), once the batch is forwarded.
 */
@Component
class CaseEventListener {

    private final CaseEventForwarding forwarding;
    private final CaseClosures closures;
    private final MeterRegistry meters;

    CaseEventListener(CaseEventForwarding forwarding, CaseClosures closures, MeterRegistry meters) {
        this.forwarding = forwarding;
        this.closures = closures;
        this.meters = meters;
    }

    @KafkaListener(id = "case-event-notifications", topics = Topics.CASE_EVENTS, groupId = "partner-gateway-notifications", batch = "true")
    void onCaseEvents(List<ConsumerRecord<String, byte[]>> records) {
        List<InboundRecord> batch = records.stream().map(InboundRecords::of).toList();
        int forwarded = forwarding.forwardAll(batch);
        meters.counter("readmission.gateway.case-events.forwarded").increment(forwarded);
        meters.counter("readmission.gateway.case-events.closures").increment(recordClosures(batch));
    }

    /**
     * Each {@code CaseClosed} starts the case's retention period here (once per ce_id, so a redelivered batch changes
     * nothing); a failure to record one fails the batch, which is then delivered again. Undecodable records were
     * dead-lettered with their reason by the forwarding.
     */
    private int recordClosures(List<InboundRecord> batch) {
        int closed = 0;
        for (InboundRecord in : batch) {
            String ceId = in.attributes().id() == null || in.attributes().id().isBlank() ? in.dedupKey() : in.attributes().id();
            try {
                closed += closures.record(ceId, in.attributes().type(), in.value()) ? 1 : 0;
            } catch (UndecodableEventException e) {
                // dead-lettered by the forwarding
            }
        }
        return closed;
    }
}
