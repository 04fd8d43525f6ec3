package org.readmission.reintegration.referral;

import java.time.Instant;
import java.util.List;

/**
 * A fact to publish, kept in the referral's own document until it is on Kafka (outbox without a second document):
 * saved together with the state change, relayed afterwards, removed once acknowledged. Its ce_id is deterministic,
 * so a relay repeated after a crash is dropped by consumers.
 */
public record PendingEvent(Kind kind, String ceId, String provider, int attempt, List<String> excludedProviders,
                           Instant at) {

    public enum Kind {
        /** reintegration.updates: the provider chosen for an attempt, or none. */
        PROVIDER_ASSIGNED,
        /** the provider's notification topic: the minimised referral. */
        REFERRAL_OFFERED,
        /** the provider's notification topic: consent withdrawn, stop and erase. */
        PROVIDER_TOLD_CONSENT_WITHDRAWN,
        /** reintegration.updates: a provider reported the withdrawal; the handoff process must stop. */
        CONSENT_WITHDRAWAL_REPORTED
    }
}
