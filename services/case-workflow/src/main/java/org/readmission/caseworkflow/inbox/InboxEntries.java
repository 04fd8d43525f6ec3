package org.readmission.caseworkflow.inbox;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** The inbox collection. */
interface InboxEntries extends MongoRepository<InboxEntry, String> {

    /** Entries due for an attempt whose lease (if any) has run out, oldest due first. */
    List<InboxEntry> findByStateAndNextAttemptAtLessThanEqualAndLockedUntilLessThanEqualOrderByNextAttemptAtAsc(
            InboxState state, Instant due, Instant unlocked, Pageable page);

    List<InboxEntry> findByStateOrderByReceivedAtAsc(InboxState state, Pageable page);

    List<InboxEntry> findByCaseIdOrderByReceivedAtAsc(String caseId, Pageable page);

    long countByState(InboxState state);
}
