package org.readmission.gateway.submission;

import static org.readmission.events.partner.ReasonCode.*;

import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.gateway.party.Party;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.gateway.validation.Violation;
import org.springframework.stereotype.Component;

/**
 * Decides about one inbound submission: the envelope first (CloudEvents headers, decodable Avro, known schema,
 * known sender allowed to send this type), then the content, by type. Never throws for bad input: every outcome
 * is stored and answered.
 */
@Component
public class SubmissionIntake {

    private final Submissions submissions;
    private final PartyDirectory parties;
    private final AvroCodec codec;
    private final EventCatalog catalog;
    private final SubmissionRecorder recorder;
    private final ApplicationIntake applications;
    private final CaseMessageIntake caseMessages;

    SubmissionIntake(Submissions submissions, PartyDirectory parties, AvroCodec codec, EventCatalog catalog,
                     SubmissionRecorder recorder, ApplicationIntake applications, CaseMessageIntake caseMessages) {
        this.submissions = submissions;
        this.parties = parties;
        this.codec = codec;
        this.catalog = catalog;
        this.recorder = recorder;
        this.applications = applications;
        this.caseMessages = caseMessages;
    }

    public IntakeOutcome receive(InboundSubmission in) {
        String key = in.submissionKey();
        if (submissions.existsById(key)) {
            return new IntakeOutcome.Duplicate(key, key);
        }
        CloudEventAttributes ce = in.attributes();
        Optional<Party> sender = parties.find(ce.source());
        List<String> missing = ce.missingRequired();
        if (!missing.isEmpty()) {
            return deadLetter(in, sender, Violation.of(MISSING_HEADER, String.join(",", missing),
                    "missing CloudEvents header(s) " + missing + ": every submission carries ce_id, ce_type, ce_source and ce_specversion"));
        }
        SpecificRecord record;
        try {
            record = codec.decode(in.value());
        } catch (UndecodableEventException e) {
            var code = e.problem() == UndecodableEventException.Problem.UNKNOWN_SCHEMA_FINGERPRINT ? UNKNOWN_SCHEMA : UNDECODABLE_PAYLOAD;
            return deadLetter(in, sender, Violation.of(code, null, e.getMessage()));
        }
        EventType type = catalog.of(record.getClass());
        if (!type.ceType().equals(ce.type())) {
            return deadLetter(in, sender, Violation.of(TYPE_MISMATCH, "ce_type",
                    "ce_type '" + ce.type() + "' does not match the payload's schema " + type.schema().getFullName()
                            + " (expected ce_type '" + type.ceType() + "')"));
        }
        if (sender.isEmpty()) {
            return deadLetter(in, sender, Violation.of(UNKNOWN_SENDER, "ce_source",
                    "ce_source '" + ce.source() + "' is not a known party code"));
        }
        if (!sender.get().maySend(type.ceType())) {
            return recorder.reject(in, sender, false, null, List.of(Violation.of(SENDER_NOT_ALLOWED, "ce_type",
                    sender.get().code() + " is not allowed to send " + type.ceType())));
        }
        if (record instanceof ReadmissionApplicationSubmitted application) {
            return applications.receive(in, sender.get(), application);
        }
        return caseMessages.receive(in, sender.get(), type, record);
    }

    private IntakeOutcome deadLetter(InboundSubmission in, Optional<Party> sender, Violation violation) {
        return recorder.reject(in, sender, true, null, List.of(violation));
    }
}
