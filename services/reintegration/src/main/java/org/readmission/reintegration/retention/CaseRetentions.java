package org.readmission.reintegration.retention;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CaseRetentions extends MongoRepository<CaseRetention, String> {

    /** Cases whose retention period is over and whose data is not erased yet, earliest first. */
    List<CaseRetention> findByErasedAtIsNullAndRetainUntilLessThanEqualOrderByRetainUntil(Instant now, Pageable page);

    /** Erased cases with erasure notices still to send (after a failure between erasing and publishing). */
    List<CaseRetention> findByErasedAtIsNotNullAndNoticesPendingIsTrue(Pageable page);
}
