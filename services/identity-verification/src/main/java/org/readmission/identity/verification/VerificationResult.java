package org.readmission.identity.verification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The result of one verification request, keyed by the request's {@code ce_id} (the unique {@code _id} makes a
 * repeated request find it instead of verifying again). It is the outbox of its own event: saved PENDING_PUBLISH
 * with the encoded event, published, then marked PUBLISHED; a crash in between republishes the same bytes with the
 * same {@code ce_id}. No personal data: case id, the sender's person id, outcome, reasons without numbers or names.
 *
 * @param event the encoded IdentityVerificationCompleted (Avro single-object encoding)
 */
@Document("verification_results")
record VerificationResult(@Id String requestId, String resultId, @Indexed String caseId, String personId,
                          String requestingParty, String requestedParty, String outcome, byte[] event,
                          Instant completedAt, PublicationStatus status, Instant publishedAt) {
}
