package org.readmission.retention;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Erases the personal data of every case whose retention period is over, then tells the parties; also sends the
 * notices a previous run could not. Runs every {@code readmission.retention.interval} on the injected
 * clock. One failing case does not stop the others: it stays due and is tried again at the next run. Several
 * instances may run it at once: each step is idempotent and the notices have a deterministic ce_id.
 */
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;
    private final ErasureNotices notices;
    private final Clock clock;
    private final RetentionProperties properties;

    RetentionJob(Retention retention, ErasureNotices notices, Clock clock, RetentionProperties properties) {
        this.retention = retention;
        this.notices = notices;
        this.clock = clock;
        this.properties = properties;
    }

    /** What a run did. */
    public record Run(int erased, int noticesResent, int failed) {
    }

    @Scheduled(fixedDelayString = "${readmission.retention.interval:PT1H}",
            initialDelayString = "${readmission.retention.initial-delay:PT5M}")
    public void scheduled() {
        run();
    }

    public Run run() {
        Instant now = clock.instant();
        int erased = 0;
        int resent = 0;
        int failed = 0;
        for (CaseRetention due : retention.due(now, properties.batchSize())) {
            try {
                notices.send(retention.erase(due, now));
                erased++;
            } catch (RuntimeException e) {
                failed++;
                LOG.error("Case {}: erasure after the retention period failed, tried again at the next run: {}",
                        due.caseId(), e.toString());
            }
        }
        for (CaseRetention pending : retention.withPendingNotices(properties.batchSize())) {
            try {
                notices.send(pending);
                resent++;
            } catch (RuntimeException e) {
                failed++;
                LOG.error("Case {}: erasure notice not sent, tried again at the next run: {}", pending.caseId(), e.toString());
            }
        }
        if (erased + resent + failed > 0) {
            LOG.info("Retention run at {}: {} case(s) erased, {} with notices sent again, {} failed", now, erased, resent, failed);
        }
        return new Run(erased, resent, failed);
    }
}
