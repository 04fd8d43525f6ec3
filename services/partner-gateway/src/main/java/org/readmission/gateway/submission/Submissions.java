package org.readmission.gateway.submission;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All submissions received by the gateway. */
public interface Submissions extends MongoRepository<Submission, String> {

    Optional<Submission> findByClaimKey(String claimKey);

    Optional<Submission> findFirstByCaseIdAndStatusAndClaimKeyStartingWith(String caseId, SubmissionStatus status, String prefix);

    default Optional<Submission> findAcceptedApplication(String caseId) {
        return findFirstByCaseIdAndStatusAndClaimKeyStartingWith(caseId, SubmissionStatus.ACCEPTED, SubmissionKeys.APPLICATION_PREFIX);
    }
}
