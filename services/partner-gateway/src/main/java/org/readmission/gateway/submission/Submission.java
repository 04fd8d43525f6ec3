package org.readmission.gateway.submission;

import java.time.Instant;
import java.util.List;

import org.readmission.gateway.outbox.OutboxCarrier;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.validation.Violation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything the gateway received, accepted or rejected, with the original bytes (nothing is lost) and the
 * messages it caused (outbox). One document per submission keeps state and events atomic; it is written once.
 *
 * @param id          {@code ce:<source>:<ce_id>}, or {@code kafka:<topic>-<partition>@<offset>} when the record had no id
 * @param claimKey    unique: {@code application:<party>:<applicationId>} for an accepted application, else the id;
 *                    this is how a second, different application with the same id is detected
 * @param contentHash SHA-256 of the payload, to tell a harmless re-send from a conflicting one
 * @param kafkaPosition where the record was read; the same record read again at the same position is a redelivery
 *                    after a stop, whose stored messages are published again
 * @param headers     the record's headers, kept for rejected submissions (they are copied to the DLT)
 * @param payload     the record's value, sealed: under the case's key when {@code caseSealed} (see {@link SubmissionSealing}),
 *                    else under the service-wide key; null once erased, or when nothing of it may be kept (a case erased)
 * @param caseSealed  whether the payload is sealed under the key of {@code caseId} (crypto-shredded at the end of the
 *                    case's retention period); false for submissions without a case and for those stored before
 * @param erasedAt    when the personal data (payload, outbox, violation messages) was removed: the case's retention
 *                    period ended, or a rejected submission without a case was kept long enough; ids, parties, type,
 *                    status, dates and reason codes stay
 */
@Document("submissions")
public record Submission(
        @Id String id,
        @Indexed(unique = true) String claimKey,
        String ceId,
        String source,
        String type,
        SubmissionStatus status,
        @Indexed String caseId,
        String applicationId,
        String requestingParty,
        String requestedParty,
        String contentHash,
        List<Violation> violations,
        Instant receivedAt,
        String kafkaPosition,
        List<OutboxMessage.Header> headers,
        byte[] payload,
        List<OutboxMessage> outbox,
        boolean caseSealed,
        Instant erasedAt) implements OutboxCarrier {

    /** A submission whose payload is sealed under the service-wide key (no case), not erased. */
    public Submission(String id, String claimKey, String ceId, String source, String type, SubmissionStatus status, String caseId,
                      String applicationId, String requestingParty, String requestedParty, String contentHash,
                      List<Violation> violations, Instant receivedAt, String kafkaPosition, List<OutboxMessage.Header> headers,
                      byte[] payload, List<OutboxMessage> outbox) {
        this(id, claimKey, ceId, source, type, status, caseId, applicationId, requestingParty, requestedParty, contentHash,
                violations, receivedAt, kafkaPosition, headers, payload, outbox, false, null);
    }

    public boolean isApplication() {
        return claimKey.startsWith(SubmissionKeys.APPLICATION_PREFIX);
    }
}
