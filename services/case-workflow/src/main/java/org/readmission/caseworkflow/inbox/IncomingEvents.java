package org.readmission.caseworkflow.inbox;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.EventCatalog;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.CaseRef;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationProviderAssigned;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.readmission.messaging.Envelope;
import org.readmission.messaging.EnvelopeReader;
import org.springframework.stereotype.Component;

/**
 * The envelope checks of a consumed record. What passes becomes an {@link IncomingEvent}; what does not is a
 * {@link Rejected} with a reason code and a message saying what is wrong, for the dead-letter topic.
 */
@Component
class IncomingEvents {

    /** {@code ce_source} of the reintegration service: its events on reintegration.updates are not providers' reports. */
    static final String REINTEGRATION_SERVICE = "reintegration";

    private final EnvelopeReader envelopes;
    private final EventCatalog catalog;

    IncomingEvents(EnvelopeReader envelopes, EventCatalog catalog) {
        this.envelopes = envelopes;
        this.catalog = catalog;
    }

    sealed interface Reading permits Accepted, Rejected, NotForTheEngine {
    }

    /** A valid event on a shared topic that no process waits for (e.g. the reintegration service's own facts). */
    record NotForTheEngine(String ceType, String why) implements Reading {
    }

    record Accepted(IncomingEvent event) implements Reading {
    }

    record Rejected(ReasonCode code, String message) implements Reading {
    }

    Reading read(ConsumerRecord<String, byte[]> record) {
        Envelope envelope = envelopes.read(record);
        if (envelope instanceof Envelope.Unreadable unreadable) {
            return new Rejected(unreadable.code(), unreadable.message());
        }
        Envelope.Decoded decoded = (Envelope.Decoded) envelope;
        CloudEventAttributes attributes = decoded.attributes();
        SpecificRecord payload = decoded.payload();
        String payloadType = attributes.type();
        if (payload instanceof RecordPartnerSubmission submission) {
            String carried = catalog.of(((SpecificRecord) submission.getPayload()).getClass()).ceType();
            if (!carried.equals(submission.getSubmissionType())) {
                return new Rejected(ReasonCode.TYPE_MISMATCH, "submissionType " + submission.getSubmissionType()
                        + " but the submission carried is a " + carried);
            }
        }
        if (payload instanceof ReintegrationProgressReported && REINTEGRATION_SERVICE.equals(attributes.source())) {
            return new NotForTheEngine(payloadType, "the reintegration service's own progress (providers' reports are correlated)");
        }
        if (payload instanceof ReintegrationProviderAssigned || payload instanceof ReintegrationClosed) {
            return new NotForTheEngine(payloadType, "a fact of the reintegration service, for the case view");
        }
        Optional<String> messageName = messageNameOf(payload);
        if (messageName.isEmpty()) {
            return new Rejected(ReasonCode.TYPE_MISMATCH, payloadType + " is not correlated by the case workflow (topic "
                    + record.topic() + " carries OpenReadmissionCase, RecordPartnerSubmission, IdentityVerificationCompleted,"
                    + " ReintegrationProgressReported, ReintegrationConsentWithdrawn)");
        }
        CaseRef caseRef = (CaseRef) ((org.apache.avro.generic.GenericRecord) payload).get("caseRef");
        String caseId = caseRef.getCaseId().getValue();
        if (caseId == null || caseId.isBlank()) {
            return new Rejected(ReasonCode.MISSING_FIELD, "caseRef.caseId is empty");
        }
        return new Accepted(new IncomingEvent(attributes.id(), attributes.source(), attributes.type(), messageName.get(),
                caseId, caseRef.getRequestingParty().getValue(), caseRef.getRequestedParty().getValue(),
                decoded.position(), record.value()));
    }

    private Optional<String> messageNameOf(SpecificRecord payload) {
        if (payload instanceof OpenReadmissionCase) {
            return Optional.of(Messages.OPEN_CASE);
        }
        if (payload instanceof IdentityVerificationCompleted) {
            return Optional.of(Messages.VERIFICATION_COMPLETED);
        }
        if (payload instanceof RecordPartnerSubmission submission) {
            return Optional.of(submission.getSubmissionType());
        }
        if (payload instanceof ReintegrationProgressReported) {
            return Optional.of(ReintegrationHandoffProcess.Messages.PROGRESS_REPORTED);
        }
        if (payload instanceof ReintegrationConsentWithdrawn) {
            return Optional.of(ReintegrationHandoffProcess.Messages.CONSENT_WITHDRAWN);
        }
        return Optional.empty();
    }
}
