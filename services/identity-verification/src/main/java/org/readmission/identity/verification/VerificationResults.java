package org.readmission.identity.verification;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The stored results, one document per request (single-document atomicity, no transactions needed). */
@Component
class VerificationResults {

    private final MongoTemplate mongo;

    VerificationResults(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<VerificationResult> of(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, VerificationResult.class));
    }

    /** Stores a new result; when the same request was stored meanwhile, returns that one. */
    VerificationResult saveOrExisting(VerificationResult result) {
        try {
            return mongo.insert(result);
        } catch (DuplicateKeyException e) {
            return of(result.requestId()).orElseThrow(() -> e);
        }
    }

    void markPublished(String requestId, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId)),
                Update.update("status", PublicationStatus.PUBLISHED).set("publishedAt", at), VerificationResult.class);
    }
}
