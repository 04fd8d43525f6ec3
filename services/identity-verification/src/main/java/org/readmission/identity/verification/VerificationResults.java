package org.readmission.identity.verification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.readmission.protection.CaseKeyShreddedException;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.SensitiveField;
import org.readmission.retention.PersonalDataHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The stored results, one document per request (single-document atomicity, no transactions needed), the only case
 * data this service keeps. The findings about the person are sealed under the case's key ({@link CaseKeys}); at the
 * end of the case's retention period the key is shredded and each result of the case becomes a tombstone (ids,
 * parties, dates): this is the service's {@link PersonalDataHolder}.
 */
@Component
class VerificationResults implements PersonalDataHolder {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationResults.class);

    /** The sealed field; its name goes into the associated data (case id + request id + field). */
    enum Sealed implements SensitiveField {
        VERIFICATION_RESULT("verificationResult");

        private final String fieldName;

        Sealed(String fieldName) {
            this.fieldName = fieldName;
        }

        @Override
        public String fieldName() {
            return fieldName;
        }
    }

    private final MongoTemplate mongo;
    private final CaseKeys keys;

    VerificationResults(MongoTemplate mongo, CaseKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    Optional<VerificationResult> of(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, VerificationResult.class));
    }

    /**
     * A new result, not stored yet, its encoded event sealed under the case's key.
     *
     * @throws CaseKeyShreddedException the case was erased: nothing is kept for it any more
     */
    VerificationResult sealed(String requestId, String resultId, String caseId, String personId, String requestingParty,
                              String requestedParty, byte[] event, Instant completedAt) {
        return new VerificationResult(requestId, resultId, caseId, personId, requestingParty, requestedParty,
                keys.encrypt(caseId, requestId, event, Sealed.VERIFICATION_RESULT), completedAt,
                PublicationStatus.PENDING_PUBLISH, null, null, null);
    }

    /**
     * The encoded event of a stored result, opened with the case's key.
     *
     * @throws CaseKeyShreddedException the case's key is shredded: the result is gone for good
     * @throws IllegalStateException    the result was erased
     */
    byte[] eventOf(VerificationResult result) {
        if (result.sealedResult() != null) {
            return keys.decrypt(result.caseId(), result.requestId(), result.sealedResult(), Sealed.VERIFICATION_RESULT);
        }
        if (result.clearEvent() != null && !result.erased()) {
            return result.clearEvent(); // written before sealing
        }
        keys.shreddedAt(result.caseId()).ifPresent(at -> {
            throw new CaseKeyShreddedException(result.caseId(), at);
        });
        throw new IllegalStateException("case " + result.caseId() + ": the result of request " + result.requestId()
                + " was erased");
    }

    /**
     * Refuses to verify anything more for a case whose key is shredded (before any registry look-up is made or logged).
     *
     * @throws CaseKeyShreddedException the case was erased
     */
    void refuseIfErased(String caseId) {
        keys.shreddedAt(caseId).ifPresent(at -> {
            throw new CaseKeyShreddedException(caseId, at);
        });
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

    // --- retention (PersonalDataHolder)

    /** The persons of the case whose results are kept (the sender's person ids); no one else received them. */
    @Override
    public Holdings holdingsOf(String caseId) {
        List<String> personIds = mongo.findDistinct(Query.query(Criteria.where("caseId").is(caseId)), "personId",
                VerificationResult.class, String.class);
        return personIds.isEmpty() ? Holdings.nothing() : Holdings.of(personIds.stream().sorted().toList(), List.of());
    }

    /**
     * Every result of the case keeps its ids, parties, state and dates only: the sealed findings (unreadable already,
     * the key being shredded) and anything written in clear before sealing are removed. Idempotent.
     */
    @Override
    public void erase(String caseId, Instant at) {
        long erased = mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("erasedAt").is(null)),
                new Update().unset("sealedResult").unset("event").unset("outcome").set("erasedAt", at),
                VerificationResult.class).getModifiedCount();
        LOG.info("Case {}: {} verification result(s) erased (retention period over)", caseId, erased);
    }

    @Override
    public String scope() {
        return "IDENTITY_VERIFICATION";
    }

    @Override
    public String erasedWhat() {
        return "the identity and nationality verification results of this case";
    }
}
