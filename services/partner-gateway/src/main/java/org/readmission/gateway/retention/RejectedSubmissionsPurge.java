package org.readmission.gateway.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.readmission.gateway.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Submissions rejected before any case existed (invalid applications, messages naming an unknown case, undecodable
 * input) belong to no case, so no case's retention period ends them. Their payload (sealed under the service-wide
 * key), outbox and violation messages are removed once they are older than
 * {@code readmission.gateway.rejected-payload-retention} (default {@code P90D}: an ASSUMPTION, long enough for the
 * sender to correct and resend and for a dispute about the rejection, to be confirmed by the parties' data protection
 * officers); the document keeps ids, sender, type, dates and reason codes. Runs with the retention job's interval, on
 * the injected clock, at most {@code readmission.retention.batch-size} documents per run.
 */
@Component
public class RejectedSubmissionsPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedSubmissionsPurge.class);

    private final SubmissionTombstones tombstones;
    private final Clock clock;
    private final Duration keptFor;
    private final int batchSize;

    RejectedSubmissionsPurge(SubmissionTombstones tombstones, Clock clock,
                             @Value("${readmission.gateway.rejected-payload-retention:P90D}") Duration keptFor,
                             @Value("${readmission.retention.batch-size:500}") int batchSize) {
        this.tombstones = tombstones;
        this.clock = clock;
        this.keptFor = keptFor;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${readmission.retention.interval:PT1H}",
            initialDelayString = "${readmission.retention.initial-delay:PT5M}")
    public void scheduled() {
        run();
    }

    /** Purges the rejected submissions without a case received before now minus the period; returns how many. */
    public int run() {
        Instant now = clock.instant();
        int purged = tombstones.erase(Criteria.where("status").is(SubmissionStatus.REJECTED.name()).and("caseId").is(null)
                .and("receivedAt").lt(now.minus(keptFor)), batchSize, now);
        if (purged > 0) {
            LOG.info("{} rejected submission(s) without a case received before {} purged of their content", purged, now.minus(keptFor));
        }
        return purged;
    }
}
