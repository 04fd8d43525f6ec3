package org.readmission.reintegration.messaging;

import org.readmission.messaging.EventPublisher;
import org.readmission.messaging.MessagingProperties;
import org.readmission.reintegration.referral.PendingEvent;
import org.readmission.reintegration.referral.Referral;
import org.readmission.reintegration.referral.ReferralDesk;
import org.springframework.stereotype.Component;

/**
 * Publishes what a referral has pending, each event with its deterministic ce_id, and removes it from the referral
 * once the broker acknowledged it. A crash in between leaves it pending; the redelivered record relays it again.
 */
@Component
class PendingRelay {

    private final EventPublisher publisher;
    private final ReferralDesk desk;
    private final String source;

    PendingRelay(EventPublisher publisher, ReferralDesk desk, MessagingProperties messaging) {
        this.publisher = publisher;
        this.desk = desk;
        this.source = messaging.source();
    }

    void relay(Referral referral) {
        Referral current = referral;
        for (PendingEvent pending : referral.pending()) {
            ReferralEvents.Outgoing outgoing = ReferralEvents.of(current, pending, source);
            publisher.publish(outgoing.topic(), current.caseId(), pending.ceId(), outgoing.event(), pending.at());
            current = desk.relayed(current, pending);
        }
    }
}
