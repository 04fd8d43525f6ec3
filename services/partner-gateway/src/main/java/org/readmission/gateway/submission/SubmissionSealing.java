package org.readmission.gateway.submission;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.protection.GatewayFields;
import org.readmission.protection.CaseKeyShreddedException;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.CaseId;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.FieldEncryption;
import org.springframework.stereotype.Component;

/**
 * How a submission's personal data is sealed for the store. A submission that belongs to a case (an accepted
 * application, a message about a case known here, a rejected one naming such a case): its payload and its outbox
 * messages under the case's key ({@link CaseKeys}, associated data = case + submission key + field), so that shredding
 * the key at the end of the case's retention period makes every copy unreadable. A submission without a case (rejected
 * before a case existed): under the service-wide key ({@link FieldEncryption}, associated data = submission key +
 * field). A case whose key is shredded gets nothing sealed any more: its late submissions are refused unkept.
 */
@Component
public class SubmissionSealing {

    private final CaseKeys caseKeys;
    private final FieldEncryption encryption;
    private final AvroCodec codec;

    SubmissionSealing(CaseKeys caseKeys, FieldEncryption encryption, AvroCodec codec) {
        this.caseKeys = caseKeys;
        this.encryption = encryption;
        this.codec = codec;
    }

    /**
     * Readies the case keys a batch (one poll) will seal under, in two round trips for the whole batch instead of one
     * or two per submission: the key of every case a message names, and a new key for every application's case (its
     * id follows from the sender and the application id). Records that do not decode are left to the intake.
     */
    void prepareFor(List<InboundRecord> batch) {
        Set<String> cases = new HashSet<>();
        Set<String> newCases = new HashSet<>();
        for (InboundRecord in : batch) {
            SpecificRecord record;
            try {
                record = codec.decode(in.value());
            } catch (UndecodableEventException | RuntimeException e) {
                continue;
            }
            if (record instanceof ReadmissionApplicationSubmitted application && in.sender() != null) {
                newCases.add(SubmissionKeys.caseIdOf(SubmissionKeys.ofApplication(in.sender(), application.getApplicationId())));
            } else if (record.getSchema().getField("caseId") != null
                    && ((GenericRecord) record).get("caseId") instanceof CaseId caseId) {
                cases.add(caseId.getValue());
            }
        }
        caseKeys.prepare(cases, newCases);
    }

    /**
     * The payload sealed for the store.
     *
     * @throws CaseKeyShreddedException the case was erased meanwhile (the batch is retried, then refused)
     */
    byte[] payload(String caseId, String submissionKey, byte[] value) {
        return caseId == null ? encryption.encrypt(value, submissionKey, GatewayFields.SUBMISSION_PAYLOAD)
                : caseKeys.encrypt(caseId, submissionKey, value, GatewayFields.SUBMISSION_PAYLOAD);
    }

    /** The messages to store sealed under the case's key (bound to the submission); unchanged without a case. */
    static List<OutboxMessage> outbox(String caseId, String submissionKey, List<OutboxMessage> messages) {
        return caseId == null ? messages : messages.stream().map(m -> m.sealedUnder(caseId, submissionKey)).toList();
    }

    /**
     * The payload of a stored submission as the partner sent it.
     *
     * @throws CaseKeyShreddedException the case's key is shredded: the payload is gone for good
     * @throws IllegalStateException    the payload was erased (or never kept)
     */
    public byte[] payloadOf(Submission submission) {
        if (submission.payload() == null) {
            throw new IllegalStateException("submission " + submission.id() + ": no payload kept (erased at "
                    + submission.erasedAt() + ")");
        }
        return submission.caseSealed()
                ? caseKeys.decrypt(submission.caseId(), submission.id(), submission.payload(), GatewayFields.SUBMISSION_PAYLOAD)
                : encryption.decrypt(submission.payload(), submission.id(), GatewayFields.SUBMISSION_PAYLOAD);
    }

    /** When the case's key was shredded (its retention period ended); empty while the case's data may be kept. */
    public Optional<java.time.Instant> erasedAt(String caseId) {
        return caseId == null ? Optional.empty() : caseKeys.shreddedAt(caseId);
    }
}
