package org.readmission.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service's retention records ({@code case_retention}), through the template so that the services keep their
 * own repository scanning.
 */
class CaseRetentionStore {

    private final MongoTemplate mongo;

    CaseRetentionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<CaseRetention> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseRetention.class));
    }

    CaseRetention save(CaseRetention retention) {
        return mongo.save(retention);
    }

    /** Cases whose retention period is over and whose data is not erased yet, earliest first. */
    List<CaseRetention> due(Instant now, int max) {
        return mongo.find(Query.query(Criteria.where("erasedAt").is(null).and("retainUntil").lte(now))
                .with(Sort.by("retainUntil")).limit(max), CaseRetention.class);
    }

    /** Erased cases with erasure notices still to send (after a failure between erasing and publishing). */
    List<CaseRetention> withPendingNotices(int max) {
        return mongo.find(Query.query(Criteria.where("erasedAt").ne(null).and("noticesPending").is(true)).limit(max),
                CaseRetention.class);
    }
}
