package org.readmission.gateway.messaging;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.Topics;
import org.readmission.gateway.notification.CaseEventForwarding;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code readmission.case-events} (raw bytes) and passes partner-facing events on to the parties concerned. */
@Component
class CaseEventListener {

    private final CaseEventForwarding forwarding;
    private final MeterRegistry meters;

    CaseEventListener(CaseEventForwarding forwarding, MeterRegistry meters) {
        this.forwarding = forwarding;
        this.meters = meters;
    }

    @KafkaListener(id = "case-event-notifications", topics = Topics.CASE_EVENTS, groupId = "partner-gateway-notifications", batch = "true")
    void onCaseEvents(List<ConsumerRecord<String, byte[]>> records) {
        int forwarded = forwarding.forwardAll(records.stream().map(InboundRecords::of).toList());
        meters.counter("readmission.gateway.case-events.forwarded").increment(forwarded);
    }
}
