package org.readmission.caseview.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the read model current: every record of the projected topics, in partition order. */
@Component
class CaseProjector {

    private final Projection projection;

    CaseProjector(Projection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = "case-view-projection", topics = {"readmission.case-events", "identity.verification-requests",
            "identity.verification-results", "reintegration.referrals", "reintegration.updates"},
            groupId = "${readmission.case-view.consumer-group:case-view}",
            autoStartup = "#{'${readmission.case-view.replay:false}' != 'true' and '${readmission.case-view.projection.enabled:true}' == 'true'}",
            concurrency = "${readmission.case-view.projection.concurrency:1}")
    void on(ConsumerRecord<String, byte[]> record) {
        projection.project(record);
    }
}
