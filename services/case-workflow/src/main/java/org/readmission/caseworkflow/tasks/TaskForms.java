package org.readmission.caseworkflow.tasks;

import static org.readmission.caseworkflow.process.CaseProcess.Variables.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Activities;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.readmission.events.partner.ExtensionObstacle;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.ReintegrationNeed;
import org.springframework.stereotype.Component;

/**
 * The form of each user task: which fields it takes, what makes them valid, and what completing it sets. Field
 * names are the variables of the model ({@code workflows/CONTRACT.md}). Personal data (a travel document number)
 * goes to the case file, never into a process variable.
 */
@Component
class TaskForms {

    /** The tasks of the reintegration handoff. */
    private static final class Handoff {
        static final String RECORD_CONSENT = ReintegrationHandoffProcess.Activities.RECORD_CONSENT;
        static final String ASSESS_NEEDS = ReintegrationHandoffProcess.Activities.ASSESS_NEEDS;
        static final String ESCALATE_NO_PROVIDER = ReintegrationHandoffProcess.Activities.ESCALATE_NO_PROVIDER;
        static final String CHASE_MISSED_FOLLOW_UP = ReintegrationHandoffProcess.Activities.CHASE_MISSED_FOLLOW_UP;
        static final String RECORD_CLOSURE = ReintegrationHandoffProcess.Activities.RECORD_CLOSURE;
    }

    static final int MAX_TEXT = 4000;
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[A-Z0-9]{5,20}");

    enum Decision { APPROVED, PARTIALLY_APPROVED, REFUSED }

    enum DecisionAction { DECIDE, REQUEST_EXTENSION }

    enum NoReplyOutcome { NO_REPLY_TREATED_AS_AGREED, NO_REPLY_CASE_CLOSED }

    enum HoldDecision { RELEASE, UPHOLD }

    enum TransferDeadlineAction { EXTEND, CLOSE }

    enum InterviewOutcome { CONFIRMED, NOT_CONFIRMED }

    enum EscalationAction { RETRY, CLOSE }

    enum FollowUpResult { REPORTED_LATE, NOT_REACHED }

    enum ClosureOutcome { COMPLETED, DISCONTINUED }

    /** What a form may look at besides its fields. */
    record TaskContext(String taskId, String caseId, String user, Instant now, Function<String, Object> variables) {

        List<String> personIds() {
            Object value = variables.apply(PERSON_IDS);
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        }

        Optional<Object> variable(String name) {
            return Optional.ofNullable(variables.apply(name));
        }

        LocalDate today() {
            return LocalDate.ofInstant(now, ZoneOffset.UTC);
        }
    }

    private final CaseFiles caseFiles;
    private final ObjectMapper json;
    private final Map<String, BiFunction<FormInput, TaskContext, FormOutcome>> forms;

    TaskForms(CaseFiles caseFiles, ObjectMapper json) {
        this.caseFiles = caseFiles;
        this.json = json;
        this.forms = Map.ofEntries(
                Map.entry(Activities.DECIDE_ON_APPLICATION, this::decision),
                Map.entry(Activities.REVIEW_EXPIRED_REPLY, this::noReplyOutcome),
                Map.entry(Activities.SCHEDULE_INTERVIEW, this::interviewSchedule),
                Map.entry(Activities.RECORD_INTERVIEW_OUTCOME, this::interviewOutcome),
                Map.entry(Activities.ISSUE_TRAVEL_DOCUMENT, this::travelDocuments),
                Map.entry(Handoff.RECORD_CONSENT, this::consent),
                Map.entry(Handoff.ASSESS_NEEDS, this::needsAssessment),
                Map.entry(Handoff.ESCALATE_NO_PROVIDER, (in, c) -> single(in, "escalationAction", EscalationAction.class)),
                Map.entry(Handoff.CHASE_MISSED_FOLLOW_UP, (in, c) -> single(in, "followUpResult", FollowUpResult.class)),
                Map.entry(Handoff.RECORD_CLOSURE, (in, c) -> single(in, "reintegrationOutcome", ClosureOutcome.class)),
                Map.entry(Activities.PROPOSE_TRANSFER, (in, c) -> transfer(in, c, true)),
                Map.entry(Activities.CONFIRM_TRANSFER, (in, c) -> transfer(in, c, false)),
                Map.entry(Activities.CONFIRM_HANDOVER, this::handover),
                Map.entry(Activities.REVIEW_PROTECTION_HOLD, this::holdReview),
                Map.entry(Activities.REVIEW_TRANSFER_DEADLINE, this::transferDeadlineReview),
                Map.entry(Activities.ESCALATE_OVERDUE_REPLY, this::supervisorNote),
                Map.entry(Activities.ESCALATE_OVERDUE_TRAVEL_DOCUMENT, this::supervisorNote));
    }

    FormOutcome check(String taskDefinitionKey, Map<String, Object> fields, TaskContext context) {
        FormInput input = new FormInput(fields);
        FormOutcome outcome = forms.getOrDefault(taskDefinitionKey, this::noFields).apply(input, context);
        return input.valid() ? outcome : new FormOutcome.Invalid(input.errors());
    }

    /** Decide on the application, or ask for the one extension of the reply time limit. */
    private FormOutcome decision(FormInput in, TaskContext context) {
        in.allowOnly("action", "decision", "refusalReasons", "refusedPersonIds", "motivation", "obstacle");
        DecisionAction action = in.choice("action", DecisionAction.class, false).orElse(DecisionAction.DECIDE);
        if (action == DecisionAction.REQUEST_EXTENSION) {
            return extensionRequest(in, context);
        }
        Optional<Decision> decision = in.choice("decision", Decision.class, true);
        List<RefusalReason> reasons = in.choices("refusalReasons", RefusalReason.class);
        List<String> refusedPersons = in.list("refusedPersonIds");
        Optional<String> motivation = in.text("motivation", MAX_TEXT);
        if (decision.isEmpty()) {
            return null;
        }
        boolean refusing = decision.get() != Decision.APPROVED;
        if (refusing && in.list("refusalReasons").isEmpty()) {
            in.reject("refusalReasons", "a refusal needs at least one reason: "
                    + List.of(RefusalReason.values()).stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (!refusing && !reasons.isEmpty()) {
            in.reject("refusalReasons", "an approval has no refusal reasons");
        }
        if (refusing && motivation.isEmpty()) {
            in.reject("motivation", "a refusal must be motivated (the requesting party receives the motivation)");
        }
        List<String> personIds = context.personIds();
        if (decision.get() == Decision.PARTIALLY_APPROVED) {
            if (refusedPersons.isEmpty()) {
                in.reject("refusedPersonIds", "name the persons refused (the others are approved)");
            } else if (!personIds.containsAll(refusedPersons)) {
                in.reject("refusedPersonIds", "the persons of this case are " + personIds);
            } else if (Set.copyOf(refusedPersons).size() >= personIds.size()) {
                in.reject("refusedPersonIds", "every person is refused: decide REFUSED instead");
            }
        } else if (!refusedPersons.isEmpty()) {
            in.reject("refusedPersonIds", "only a PARTIALLY_APPROVED decision names refused persons");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, decision.get().name());
        variables.put(REFUSAL_REASONS, reasons.stream().map(Enum::name).collect(Collectors.joining(",")));
        variables.put(MOTIVATION, motivation.orElse(""));
        variables.put(DECIDED_AT, Date.from(context.now()));
        variables.put(PERSON_OUTCOMES, personOutcomes(personIds, decision.get(), Set.copyOf(refusedPersons), reasons));
        return new FormOutcome.Complete(variables);
    }

    private FormOutcome extensionRequest(FormInput in, TaskContext context) {
        Optional<String> motivation = in.requiredText("motivation", 10, MAX_TEXT, "the motivation of the extension request");
        Optional<ExtensionObstacle> obstacle = in.choice("obstacle", ExtensionObstacle.class, true);
        if (context.variable(EXTENSION_USED).map(Boolean.TRUE::equals).orElse(false)) {
            in.reject("action", "the reply time limit has already been extended once; the agreement allows one extension");
        }
        if (motivation.isEmpty() || obstacle.isEmpty()) {
            return null;
        }
        return new FormOutcome.SendMessage(Messages.EXTENSION_REQUESTED, Map.of(
                EXTENSION_MOTIVATION, motivation.get(), EXTENSION_OBSTACLE, obstacle.get().name()));
    }

    /** The consular officer sets when and where the person is interviewed (the requesting party is told). */
    private FormOutcome interviewSchedule(FormInput in, TaskContext context) {
        in.allowOnly("interviewScheduledAt", "interviewPlace");
        Optional<Instant> at = in.moment("interviewScheduledAt", true);
        at.filter(d -> !d.isAfter(context.now())).ifPresent(d -> in.reject("interviewScheduledAt", "must lie in the future"));
        Optional<String> place = in.requiredText("interviewPlace", 2, 200, "the place of the interview");
        if (at.isEmpty() || place.isEmpty()) {
            return null;
        }
        return new FormOutcome.Complete(Map.of(INTERVIEW_SCHEDULED_AT, Date.from(at.get()), INTERVIEW_PLACE, place.get()));
    }

    /**
     * The interview's outcome completes the person's verification. The findings are personal data: they go to the
     * case file as the person's verification entry, the process only gets the outcome.
     */
    private FormOutcome interviewOutcome(FormInput in, TaskContext context) {
        in.allowOnly("interviewOutcome", "interviewFindings");
        Optional<InterviewOutcome> outcome = in.choice("interviewOutcome", InterviewOutcome.class, true);
        Optional<String> findings = in.text("interviewFindings", MAX_TEXT);
        Optional<String> personId = context.variable(PERSON_ID).map(String::valueOf);
        if (outcome.isEmpty() || personId.isEmpty()) {
            return null;
        }
        CaseFile.VerificationEntry entry = new CaseFile.VerificationEntry("interview:" + context.taskId(), personId.get(),
                outcome.get().name(), "CONSULAR_INTERVIEW",
                List.of("Consular interview" + findings.map(f -> ": " + f).orElse("")), context.now());
        return new FormOutcome.Complete(Map.of(INTERVIEW_OUTCOME, outcome.get().name()),
                () -> caseFiles.recordVerification(context.caseId(), entry));
    }

    /**
     * The returnee's consent to be referred (refused: no referral), and what the officer learnt of their
     * vulnerability; the screening table turns these into the priority.
     */
    private FormOutcome consent(FormInput in, TaskContext context) {
        in.allowOnly("consentGiven", "minor", "healthNeeds", "traffickingVictim");
        Optional<Boolean> consent = in.flag("consentGiven", true);
        Map<String, Object> variables = new HashMap<>();
        consent.ifPresent(given -> variables.put("consentGiven", given));
        for (String vulnerability : List.of("minor", "healthNeeds", "traffickingVictim")) {
            in.flag(vulnerability, false).ifPresent(value -> variables.put(vulnerability, value));
        }
        return consent.isEmpty() ? null : new FormOutcome.Complete(variables);
    }

    /** What the returnee needs (the provider sees only these codes and the region, never the person's story). */
    private FormOutcome needsAssessment(FormInput in, TaskContext context) {
        in.allowOnly("needs", "region");
        List<ReintegrationNeed> needs = in.choices("needs", ReintegrationNeed.class);
        if (in.list("needs").isEmpty()) {
            in.reject("needs", "name at least one need: " + List.of(ReintegrationNeed.values()).stream().map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
        Optional<String> region = in.requiredText("region", 2, 100, "the region of return (it chooses the provider)");
        if (needs.isEmpty() || region.isEmpty()) {
            return null;
        }
        return new FormOutcome.Complete(Map.of("needs", needs.stream().map(Enum::name).distinct().collect(Collectors.joining(",")),
                "region", region.get()));
    }

    private <E extends Enum<E>> FormOutcome single(FormInput in, String field, Class<E> choices) {
        in.allowOnly(field);
        return in.choice(field, choices, true).<FormOutcome>map(choice -> new FormOutcome.Complete(Map.of(field, choice.name())))
                .orElse(null);
    }

    /** The requesting party's supervisor records what the missed reply means: treated as agreed, or closed. */
    private FormOutcome noReplyOutcome(FormInput in, TaskContext context) {
        in.allowOnly("decision", "motivation");
        Optional<NoReplyOutcome> outcome = in.choice("decision", NoReplyOutcome.class, true);
        Optional<String> motivation = in.requiredText("motivation", 10, MAX_TEXT, "the motivation");
        if (outcome.isEmpty() || motivation.isEmpty()) {
            return null;
        }
        return new FormOutcome.Complete(Map.of(DECISION, outcome.get().name(), MOTIVATION, motivation.get(),
                DECIDED_AT, Date.from(context.now())));
    }

    /**
     * One travel document per approved person: {@code documents: [{personId, documentNumber, validUntil}]}, or for a
     * single person the three fields directly. The numbers go to the case file.
     */
    private FormOutcome travelDocuments(FormInput in, TaskContext context) {
        in.allowOnly("documents", "personId", "documentNumber", "validUntil");
        List<Map<String, Object>> entries = in.objects("documents");
        if (entries.isEmpty()) {
            Map<String, Object> single = new HashMap<>();
            in.text("personId", 100).or(() -> context.variable(PERSON_ID).map(String::valueOf))
                    .or(() -> context.personIds().size() == 1 ? Optional.of(context.personIds().get(0)) : Optional.empty())
                    .ifPresent(id -> single.put("personId", id));
            in.text("documentNumber", 100).ifPresent(number -> single.put("documentNumber", number));
            in.text("validUntil", 40).ifPresent(date -> single.put("validUntil", date));
            entries = List.of(single);
        }
        List<CaseFile.TravelDocumentEntry> documents = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = entries.size() == 1 && in.objects("documents").isEmpty() ? "" : "documents[" + i + "].";
            FormInput entry = new FormInput(entries.get(i));
            Optional<String> personId = entry.requiredText("personId", 1, 100, "the person");
            personId.filter(id -> !context.personIds().contains(id))
                    .ifPresent(id -> entry.reject("personId", "the persons of this case are " + context.personIds()));
            Optional<String> number = entry.requiredText("documentNumber", 5, 20, "the travel document number");
            number.filter(n -> !DOCUMENT_NUMBER.matcher(n).matches())
                    .ifPresent(n -> entry.reject("documentNumber", "5 to 20 capital letters and digits, as printed on the document"));
            Optional<LocalDate> validUntil = entry.date("validUntil", true);
            validUntil.filter(d -> !d.isAfter(context.today())).ifPresent(d -> entry.reject("validUntil", "must lie in the future"));
            entry.errors().forEach(error -> in.reject(at + error.field(), error.message()));
            if (entry.valid()) {
                documents.add(new CaseFile.TravelDocumentEntry(personId.get(), number.get(), validUntil.get(),
                        context.now(), context.user()));
            }
        }
        if (documents.isEmpty()) {
            return null;
        }
        LocalDate firstExpiry = documents.stream().map(CaseFile.TravelDocumentEntry::validUntil)
                .min(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> variables = Map.of(
                TRAVEL_DOCUMENT_VALID_UNTIL, Date.from(firstExpiry.atStartOfDay(ZoneOffset.UTC).toInstant()),
                TRAVEL_DOCUMENT_ISSUED_AT, Date.from(context.now()));
        return new FormOutcome.Complete(variables,
                () -> documents.forEach(document -> caseFiles.recordTravelDocument(context.caseId(), document)));
    }

    /** Propose (requesting party) or confirm (requested party) when and where the transfer takes place. */
    private FormOutcome transfer(FormInput in, TaskContext context, boolean proposing) {
        in.allowOnly("transferScheduledAt", "borderCrossingPoint");
        boolean required = proposing || context.variable(TRANSFER_SCHEDULED_AT).isEmpty();
        Optional<Instant> date = in.moment("transferScheduledAt", required);
        date.filter(d -> !d.isAfter(context.now())).ifPresent(d -> in.reject("transferScheduledAt", "must lie in the future"));
        Optional<String> crossing = required || context.variable(BORDER_CROSSING_POINT).isEmpty()
                ? in.requiredText("borderCrossingPoint", 2, 200, "the border crossing point or airport")
                : in.text("borderCrossingPoint", 200);
        Map<String, Object> variables = new HashMap<>();
        date.ifPresent(d -> variables.put(TRANSFER_SCHEDULED_AT, Date.from(d)));
        crossing.ifPresent(point -> variables.put(BORDER_CROSSING_POINT, point));
        return new FormOutcome.Complete(variables);
    }

    private FormOutcome handover(FormInput in, TaskContext context) {
        in.allowOnly("handedOverAt", "borderCrossingPoint");
        Instant handedOver = in.moment("handedOverAt", false).orElse(context.now());
        if (handedOver.isAfter(context.now())) {
            in.reject("handedOverAt", "a handover cannot lie in the future");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(HANDED_OVER_AT, Date.from(handedOver));
        in.text("borderCrossingPoint", 200).ifPresent(point -> variables.put(BORDER_CROSSING_POINT, point));
        return new FormOutcome.Complete(variables);
    }

    /** An authorised officer releases the protection hold (the transfer may go on) or upholds it (the case closes). */
    private FormOutcome holdReview(FormInput in, TaskContext context) {
        in.allowOnly("holdDecision", "holdMotivation");
        Optional<HoldDecision> decision = in.choice("holdDecision", HoldDecision.class, true);
        Optional<String> motivation = in.requiredText("holdMotivation", 10, MAX_TEXT, "the motivation of the review");
        if (decision.isEmpty() || motivation.isEmpty()) {
            return null;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(HOLD_DECISION, decision.get().name());
        variables.put(HOLD_MOTIVATION, motivation.get());
        variables.put(HOLD_RELEASED_BY, decision.get() == HoldDecision.RELEASE ? context.user() : "");
        return new FormOutcome.Complete(variables);
    }

    /** The requesting party's supervisor extends the transfer time limit (obstacles) or closes the case. */
    private FormOutcome transferDeadlineReview(FormInput in, TaskContext context) {
        in.allowOnly("transferDeadlineAction", "transferDueAt", "transferExtensionReason");
        Optional<TransferDeadlineAction> action = in.choice("transferDeadlineAction", TransferDeadlineAction.class, true);
        if (action.isEmpty()) {
            return null;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(TRANSFER_DEADLINE_ACTION, action.get().name());
        if (action.get() == TransferDeadlineAction.EXTEND) {
            Optional<Instant> dueAt = in.moment("transferDueAt", true);
            dueAt.filter(d -> !d.isAfter(context.now())).ifPresent(d -> in.reject("transferDueAt", "must lie in the future"));
            Optional<String> reason = in.requiredText("transferExtensionReason", 10, MAX_TEXT,
                    "the legal or practical obstacle that justifies the extension");
            dueAt.ifPresent(d -> variables.put(TRANSFER_DUE_AT, Date.from(d)));
            reason.ifPresent(r -> variables.put(TRANSFER_EXTENSION_REASON, r));
        }
        return new FormOutcome.Complete(variables);
    }

    private FormOutcome supervisorNote(FormInput in, TaskContext context) {
        in.allowOnly("note");
        return new FormOutcome.Complete(in.text("note", MAX_TEXT).map(note -> Map.<String, Object>of("supervisorNote", note))
                .orElse(Map.of()));
    }

    private FormOutcome noFields(FormInput in, TaskContext context) {
        in.allowOnly();
        return new FormOutcome.Complete(Map.of());
    }

    private String personOutcomes(List<String> personIds, Decision decision, Set<String> refused, List<RefusalReason> reasons) {
        List<Map<String, Object>> outcomes = personIds.stream().map(personId -> {
            boolean approved = decision == Decision.APPROVED
                    || decision == Decision.PARTIALLY_APPROVED && !refused.contains(personId);
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("personId", personId);
            outcome.put("approved", approved);
            outcome.put("refusalReasons", approved ? List.of() : reasons.stream().map(Enum::name).toList());
            return outcome;
        }).toList();
        try {
            return json.writeValueAsString(outcomes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write person outcomes", e);
        }
    }
}
