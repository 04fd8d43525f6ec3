package org.readmission.reintegration.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.readmission.protection.CaseKeys;
import org.readmission.reintegration.referral.ReferralDesk;
import org.readmission.workflow.RetentionPeriod;
import org.readmission.workflow.RetentionSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * How long this service keeps a case's personal data, and its erasure. The retention period comes from the agreement
 * profile (DMN {@code RetentionPeriods}) by the case's outcome, from its closure. Erasing a case shreds its key (every
 * sealed value, in the store and in any copy or backup, becomes unreadable), blanks what its referrals keep in clear,
 * and records the erasure (ids and dates only), with the parties still to be told. Every step is idempotent.
 */
@Service
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionSchedule schedule = RetentionSchedule.euAzerbaijan();
    private final CaseRetentions retentions;
    private final ReferralDesk referrals;
    private final CaseKeys keys;

    Retention(CaseRetentions retentions, ReferralDesk referrals, CaseKeys keys) {
        this.retentions = retentions;
        this.referrals = referrals;
        this.keys = keys;
    }

    /** A case was closed: from now on its retention runs (once per ce_id). */
    public CaseRetention caseClosed(String ceId, CaseClosure closure) {
        CaseRetention retention = retentions.findById(closure.caseId()).orElseGet(() -> CaseRetention.of(closure.caseId()));
        if (retention.handled(ceId)) {
            return retention;
        }
        retention.markHandled(ceId);
        RetentionPeriod period = schedule.period(closure.outcome());
        retention.closed(closure, period.after(closure.closedAt()),
                schedule.id() + ": " + period.inWords() + " (" + period.confidence() + ")");
        LOG.info("Case {}: closed {}, personal data kept until {} ({})", closure.caseId(), closure.outcome(),
                retention.retainUntil(), retention.rule());
        return retentions.save(retention);
    }

    /** Erases the case's personal data in this service and records it; the caller then sends the notices. */
    public CaseRetention erase(CaseRetention retention, Instant now) {
        String caseId = retention.caseId();
        if (!retention.erasingStarted()) {
            ReferralDesk.Holders holders = referrals.holdersOf(caseId);
            List<String> toNotify = new ArrayList<>();
            if (!holders.none()) {
                toNotify.add(retention.requestingParty());
                toNotify.add(retention.requestedParty());
                toNotify.addAll(holders.providers());
            }
            retention.erasing(holders.personIds(), toNotify);
            retention = retentions.save(retention);
        }
        keys.shred(caseId);
        referrals.erase(caseId, now);
        retention.erased(now);
        LOG.info("Case {}: personal data erased, retention period ended {}; {} part(ies) to tell", caseId,
                retention.retainUntil(), retention.pendingNotices().size());
        return retentions.save(retention);
    }

    /** One erasure notice is on Kafka. */
    public CaseRetention notified(CaseRetention retention, String party) {
        retention.notified(party);
        return retentions.save(retention);
    }

    public List<CaseRetention> due(Instant now, int max) {
        return retentions.findByErasedAtIsNullAndRetainUntilLessThanEqualOrderByRetainUntil(now, PageRequest.of(0, max));
    }

    public List<CaseRetention> withPendingNotices(int max) {
        return retentions.findByErasedAtIsNotNullAndNoticesPendingIsTrue(PageRequest.of(0, max));
    }

    /** Whether this service erased the case's personal data (its retention period is over). */
    public boolean erased(String caseId) {
        return retentions.findById(caseId).map(r -> r.erasedAt() != null).orElse(false);
    }

    public Optional<CaseRetention> of(String caseId) {
        return retentions.findById(caseId);
    }
}
