package org.readmission.identity.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The result of one verification request, keyed by the request's {@code ce_id} (the unique {@code _id} makes a
 * repeated request find it instead of verifying again). It is the outbox of its own event: saved PENDING_PUBLISH
 * with the encoded event, published, then marked PUBLISHED; a crash in between republishes the same bytes with the
 * same {@code ce_id}.
 *
 * <p>In clear only ids, party codes, the publication state and dates. The findings about the person (outcome,
 * reasons, reason codes, evidence class, fingerprint score band: the encoded event) are sealed under the case's key
 * ({@link VerificationResults}); after the retention period the key is shredded and the sealed value removed
 * ({@code erasedAt} set): the document is a tombstone.
 *
 * @param sealedResult the encoded IdentityVerificationCompleted (Avro single-object encoding), sealed under the case
 *                     key with the case id, the request id and the field as associated data; null once erased
 * @param clearEvent   only in documents written before sealing (field {@code event}): the encoded event in clear,
 *                     never written any more, removed at erasure
 */
@Document("verification_results")
record VerificationResult(@Id String requestId, String resultId, @Indexed String caseId, String personId,
                          String requestingParty, String requestedParty, byte[] sealedResult, Instant completedAt,
                          PublicationStatus status, Instant publishedAt, Instant erasedAt,
                          @Field("event") byte[] clearEvent) {

    boolean erased() {
        return erasedAt != null;
    }
}
