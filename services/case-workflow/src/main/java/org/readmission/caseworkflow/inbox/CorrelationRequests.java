package org.readmission.caseworkflow.inbox;

import static org.readmission.caseworkflow.process.CaseProcess.Variables.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.Person;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.readmission.events.partner.ApplicationWithdrawn;
import org.readmission.events.partner.EvidenceSubmitted;
import org.readmission.events.partner.PersonEvidence;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.ProtectionConcernRaised;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.ReplyExtensionRequested;
import org.readmission.events.partner.TransferConfirmed;
import org.readmission.events.partner.TransferProposed;
import org.springframework.stereotype.Component;

/**
 * Turns an inbox entry into what the process needs: the routing variables of a new case, or the small values a
 * partner's message carries (decision, reasons, dates). Personal data never becomes a process variable.
 */
@Component
class CorrelationRequests {

    private final AvroCodec codec;
    private final ObjectMapper json;
    private final InboxPayloads payloads;

    CorrelationRequests(AvroCodec codec, ObjectMapper json, InboxPayloads payloads) {
        this.codec = codec;
        this.json = json;
        this.payloads = payloads;
    }

    SpecificRecord payloadOf(InboxEntry entry) {
        try {
            return codec.decode(payloads.open(entry));
        } catch (UndecodableEventException e) {
            throw new IllegalStateException("inbox entry " + entry.id() + " no longer decodes: " + e.getMessage(), e);
        }
    }

    CorrelationRequest requestFor(InboxEntry entry) {
        SpecificRecord payload = payloadOf(entry);
        if (payload instanceof OpenReadmissionCase command) {
            return new CorrelationRequest.StartCase(entry.messageName(), entry.caseId(), routingVariables(command, entry.id()));
        }
        if (payload instanceof IdentityVerificationCompleted result) {
            return new CorrelationRequest.DeliverMessage(entry.messageName(), entry.caseId(),
                    Map.of(PERSON_ID, result.getPersonId()), Map.of(),
                    Map.of(VERIFICATION_OUTCOME, result.getOutcome().name()));
        }
        if (payload instanceof ReintegrationProgressReported report) {
            return new CorrelationRequest.DeliverMessage(entry.messageName(), entry.caseId(),
                    Map.of(PERSON_ID, report.getPersonId()),
                    new HashMap<>(Map.of(ReintegrationHandoffProcess.Variables.PROVIDER_STAGE, report.getStage().name(),
                            ReintegrationHandoffProcess.Variables.PROVIDER_PARTY, report.getProviderParty().getValue())),
                    Map.of());
        }
        if (payload instanceof ReintegrationConsentWithdrawn withdrawal) {
            return new CorrelationRequest.DeliverMessage(entry.messageName(), entry.caseId(),
                    Map.of(PERSON_ID, withdrawal.getPersonId()), new HashMap<>(), Map.of());
        }
        if (payload instanceof RecordPartnerSubmission command) {
            Map<String, Object> variables = submissionVariables((SpecificRecord) command.getPayload());
            if (command.getPayload() instanceof ProtectionConcernRaised && command.getSender() != null) {
                variables.put(HOLD_RAISED_BY, command.getSender().getValue());
            }
            if (command.getPayload() instanceof PersonalDataCorrected correction) {
                // the person's data stays in the inbox (sealed); the process gets where to read it and ids only
                // a process of its own: the case's routing values (its tenant is the requested party's)
                variables.put(CASE_ID, entry.caseId());
                variables.put(REQUESTING_PARTY, entry.requestingParty());
                variables.put(REQUESTED_PARTY, entry.requestedParty());
                variables.put(CORRECTION_ENTRY_ID, entry.id());
                variables.put(CORRECTED_PERSON_ID, correction.getPerson().getPersonId());
                variables.put(CORRECTED_BY, command.getSender() == null ? entry.requestingParty() : command.getSender().getValue());
                variables.put(CORRECTED_FIELDS, String.join(",", correction.getCorrectedFields()));
                variables.put(CORRECTION_ID, command.getSubmissionId());
            }
            return new CorrelationRequest.DeliverMessage(entry.messageName(), entry.caseId(), Map.of(), variables, Map.of());
        }
        throw new IllegalStateException("inbox entry " + entry.id() + " holds a " + payload.getSchema().getName()
                + ", which is not correlated here");
    }

    static Map<String, Object> routingVariables(OpenReadmissionCase command, String commandId) {
        CaseRef ref = command.getCaseRef();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, ref.getCaseId().getValue());
        variables.put(APPLICATION_ID, ref.getApplicationId());
        variables.put(REQUESTING_PARTY, ref.getRequestingParty().getValue());
        variables.put(REQUESTED_PARTY, ref.getRequestedParty().getValue());
        variables.put(PROCEDURE, command.getApplication().getProcedure().name());
        variables.put(CATEGORY, command.getApplication().getCategory().name());
        variables.put(PERSON_IDS, new ArrayList<>(command.getApplication().getPersons().stream().map(Person::getPersonId).toList()));
        variables.put(RECEIVED_AT, Date.from(command.getReceivedAt()));
        variables.put(OPEN_CASE_COMMAND_ID, commandId);
        return variables;
    }

    private Map<String, Object> submissionVariables(SpecificRecord submission) {
        Map<String, Object> variables = new HashMap<>();
        if (submission instanceof ReadmissionDecisionSubmitted decision) {
            variables.put(DECISION, decision.getDecision().name());
            variables.put(REFUSAL_REASONS, refusalReasons(decision.getPersonOutcomes()));
            variables.put(MOTIVATION, decision.getMotivation());
            variables.put(PERSON_OUTCOMES, personOutcomesJson(decision.getPersonOutcomes()));
            variables.put(DECIDED_AT, Date.from(decision.getDecidedAt()));
        } else if (submission instanceof ReplyExtensionRequested extension) {
            variables.put(EXTENSION_MOTIVATION, extension.getMotivation());
            variables.put(EXTENSION_OBSTACLE, extension.getObstacle().name());
        } else if (submission instanceof TransferProposed proposal) {
            variables.put(TRANSFER_SCHEDULED_AT, Date.from(proposal.getProposedAt()));
            variables.put(BORDER_CROSSING_POINT, proposal.getBorderCrossingPoint());
            variables.put(TRANSFER_PERSON_IDS, String.join(",", proposal.getPersonIds()));
        } else if (submission instanceof TransferConfirmed confirmation) {
            variables.put(TRANSFER_SCHEDULED_AT, Date.from(confirmation.getConfirmedAt()));
            variables.put(BORDER_CROSSING_POINT, confirmation.getBorderCrossingPoint());
        } else if (submission instanceof ApplicationWithdrawn withdrawal) {
            variables.put(WITHDRAWAL_REASON, withdrawal.getReason());
        } else if (submission instanceof ProtectionConcernRaised concern) {
            variables.put(PROTECTION_CONCERN, concern.getConcern().name());
            variables.put(PROTECTION_PERSON_ID, concern.getPersonId());
        } else if (submission instanceof EvidenceSubmitted evidence) {
            variables.put(EVIDENCE_SUBMITTED_FOR, evidence.getEvidence().stream()
                    .map(PersonEvidence::getPersonId).distinct().collect(Collectors.joining(",")));
        }
        return variables;
    }

    private static String refusalReasons(List<PersonOutcome> outcomes) {
        Set<String> reasons = new LinkedHashSet<>();
        outcomes.forEach(outcome -> outcome.getRefusalReasons().forEach(reason -> reasons.add(reason.name())));
        return String.join(",", reasons);
    }

    private String personOutcomesJson(List<PersonOutcome> outcomes) {
        List<Map<String, Object>> list = outcomes.stream().map(outcome -> Map.<String, Object>of(
                "personId", outcome.getPersonId(),
                "approved", outcome.getApproved(),
                "refusalReasons", outcome.getRefusalReasons().stream().map(RefusalReason::name).toList())).toList();
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write person outcomes", e);
        }
    }
}
