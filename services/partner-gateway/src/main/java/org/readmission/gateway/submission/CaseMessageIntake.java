package org.readmission.gateway.submission;

import static org.readmission.events.partner.ReasonCode.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventType;
import org.readmission.events.Topics;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.CaseId;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutgoingMessages;
import org.readmission.gateway.party.Party;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.gateway.validation.ApplicationRules;
import org.readmission.gateway.validation.Violation;
import org.springframework.stereotype.Component;

/**
 * Messages about an existing case (evidence, decision, extension request, transfer, withdrawal, protection
 * concern): the case must exist here and the sender must be the party of the case that sends such a message.
 */
@Component
class CaseMessageIntake {

    private final Submissions submissions;
    private final SubmissionRecorder recorder;
    private final OutgoingMessages messages;
    private final SubmissionSealing sealing;

    private final ApplicationRules rules;
    private final AvroCodec codec;

    CaseMessageIntake(Submissions submissions, SubmissionRecorder recorder, OutgoingMessages messages, SubmissionSealing sealing,
                      ApplicationRules rules, AvroCodec codec) {
        this.rules = rules;
        this.codec = codec;
        this.submissions = submissions;
        this.recorder = recorder;
        this.messages = messages;
        this.sealing = sealing;
    }

    /**
     * @param acceptedInBatch applications accepted earlier in the same batch, not stored yet, by case id
     */
    Decision decide(InboundRecord in, Party sender, EventType type, SpecificRecord record, Map<String, Submission> acceptedInBatch) {
        GenericRecord fields = (GenericRecord) record;
        String caseId = ((CaseId) fields.get("caseId")).getValue();
        String applicationId = String.valueOf(fields.get("applicationId"));
        Optional<Submission> application = Optional.ofNullable(acceptedInBatch.get(caseId))
                .or(() -> submissions.findAcceptedApplication(caseId));
        if (application.isEmpty()) {
            return reject(in, sender, null, applicationId, Violation.of(UNKNOWN_CASE, "caseId",
                    "case " + caseId + " is unknown: use the case id of the acknowledgement of your application"));
        }
        if (sealing.erasedAt(caseId).isPresent()) {
            // the case's personal data is gone (retention period over): refused, and nothing of it is kept again
            return recorder.refuseErased(in, sender, caseId, applicationId);
        }
        Submission app = application.get();
        boolean requesting = sender.code().equals(app.requestingParty());
        boolean requested = sender.code().equals(app.requestedParty());
        if (!requesting && !requested) {
            return reject(in, sender, caseId, applicationId, Violation.of(NOT_A_PARTY_OF_CASE, "caseId",
                    sender.code() + " is neither the requesting nor the requested party of case " + caseId));
        }
        CaseSide side = CaseSide.allowedToSend(type.recordClass());
        if (!side.admits(requesting, requested)) {
            return reject(in, sender, caseId, applicationId, Violation.of(SENDER_NOT_ALLOWED, "ce_type",
                    "in case " + caseId + " only the " + side.name().toLowerCase() + " party sends " + type.ceType()));
        }
        if (record instanceof ReadmissionDecisionSubmitted decision && decision.getDecision() == ReadmissionDecisionType.DEEMED_AGREED) {
            return reject(in, sender, caseId, applicationId, Violation.of(INVALID_DECISION, "decision",
                    "DEEMED_AGREED is recorded by the requesting party's supervisor when no reply came in time;"
                            + " the requested party replies APPROVED, PARTIALLY_APPROVED or REFUSED"));
        }
        if (record instanceof PersonalDataCorrected correction) {
            List<Violation> violations = new java.util.ArrayList<>(rules.checkCorrection(correction));
            String personId = correction.getPerson().getPersonId();
            if (!personIdsOf(app).contains(personId)) {
                violations.add(Violation.of(UNKNOWN_PERSON, "person.personId", "case " + caseId + " has no person '"
                        + personId + "': a correction names a person of the application by the personId sent with it"));
            }
            if (!violations.isEmpty()) {
                return recorder.rejectInCase(in, sender, caseId, applicationId, violations);
            }
        }
        var accepted = new SubmissionRecorder.Accepted(caseId, app.applicationId(), app.requestingParty(), app.requestedParty(), recorder.now());
        return recorder.accept(in, sender, in.dedupKey(), accepted, command(in, sender, type, record, accepted),
                () -> Decision.duplicate(in.dedupKey(), in.dedupKey()));
    }

    /** The persons of the accepted application (read from its sealed payload). */
    private List<String> personIdsOf(Submission application) {
        try {
            return codec.decode(sealing.payloadOf(application)) instanceof ReadmissionApplicationSubmitted submitted
                    ? submitted.getPersons().stream().map(Person::getPersonId).toList() : List.of();
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("the stored application of case " + application.caseId() + " does not decode", e);
        }
    }

    /** A rejection; about a case known here ({@code caseId} not null), it is kept with that case's data. */
    private Decision reject(InboundRecord in, Party sender, String caseId, String applicationId, Violation violation) {
        return caseId == null ? recorder.reject(in, Optional.of(sender), false, applicationId, List.of(violation))
                : recorder.rejectInCase(in, sender, caseId, applicationId, List.of(violation));
    }

    private OutboxMessage command(InboundRecord in, Party sender, EventType type, SpecificRecord record, SubmissionRecorder.Accepted accepted) {
        RecordPartnerSubmission command = RecordPartnerSubmission.newBuilder()
                .setCaseRef(ApplicationIntake.caseRef(accepted))
                .setReceivedAt(accepted.receivedAt())
                .setSubmissionId(in.attributes().id())
                .setSubmissionType(type.ceType())
                .setSender(PartyCode.newBuilder().setValue(sender.code()).build())
                .setPayload(record)
                .build();
        return messages.event(command, Topics.CASE_COMMANDS, accepted.caseId(), accepted.caseId(), accepted.receivedAt(),
                "command", in.dedupKey());
    }
}
