package org.readmission.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.workflow.RetentionPeriod;
import org.readmission.workflow.RetentionSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long this service keeps a case's personal data, and its erasure. The retention period comes from the agreement
 * profile (DMN {@code RetentionPeriods}) by the case's outcome, from its closure. Erasing a case shreds its key (every
 * sealed value, in the store and in any copy or backup, becomes unreadable), has the service blank what it keeps in
 * clear ({@link PersonalDataHolder#erase}), and records the erasure (ids and dates only), with the parties still to
 * be told. Every step is idempotent.
 */
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionSchedule schedule = RetentionSchedule.euAzerbaijan();
    private final CaseRetentionStore retentions;
    private final PersonalDataHolder holder;
    private final CaseKeys keys;

    Retention(CaseRetentionStore retentions, PersonalDataHolder holder, CaseKeys keys) {
        this.retentions = retentions;
        this.holder = holder;
        this.keys = keys;
    }

    /** A case was closed: from now on its retention runs (once per ce_id). */
    public CaseRetention caseClosed(String ceId, CaseClosure closure) {
        CaseRetention retention = retentions.find(closure.caseId()).orElseGet(() -> CaseRetention.of(closure.caseId()));
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
            PersonalDataHolder.Holdings holdings = holder.holdingsOf(caseId);
            List<String> toNotify = new ArrayList<>();
            if (holdings.holdsData()) {
                toNotify.add(retention.requestingParty());
                toNotify.add(retention.requestedParty());
                toNotify.addAll(holdings.otherRecipients());
            }
            retention.erasing(holdings.personIds(), toNotify);
            retention = retentions.save(retention);
        }
        keys.shred(caseId);
        holder.erase(caseId, now);
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
        return retentions.due(now, max);
    }

    public List<CaseRetention> withPendingNotices(int max) {
        return retentions.withPendingNotices(max);
    }

    /** Whether this service erased the case's personal data (its retention period is over). */
    public boolean erased(String caseId) {
        return retentions.find(caseId).map(r -> r.erasedAt() != null).orElse(false);
    }

    public Optional<CaseRetention> of(String caseId) {
        return retentions.find(caseId);
    }

    /**
     * Why a failure means the case was erased: a late event of a case whose key is shredded cannot be kept, and is
     * dead-lettered with reason code {@code CASE_ERASED} and this message. Empty for any other failure.
     */
    public static Optional<String> erasedCaseIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CaseKeyShreddedException shredded) {
                return Optional.of(erasedMessage(shredded.caseId()));
            }
        }
        return Optional.empty();
    }

    /** The message of a record refused because its case was erased (reason code {@link #CASE_ERASED}). */
    public static String erasedMessage(String caseId) {
        return "the personal data of case " + caseId
                + " was erased after its retention period (PersonalDataErased); nothing more is kept for it";
    }

    /** The reason code of a record refused because its case was erased. */
    public static final String CASE_ERASED = "CASE_ERASED";
}
