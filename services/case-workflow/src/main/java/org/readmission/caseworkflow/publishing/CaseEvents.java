package org.readmission.caseworkflow.publishing;

import static org.readmission.caseworkflow.process.CaseProcess.Variables.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.readmission.events.Topics;
import org.readmission.events.cases.CaseRegistered;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.DeadlineKind;
import org.readmission.events.common.PartyCode;
import org.readmission.events.common.Person;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.*;
import org.readmission.events.reintegration.ReintegrationClosed;
import org.readmission.events.reintegration.ReintegrationConsentWithdrawn;
import org.readmission.events.reintegration.ReintegrationOutcome;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.springframework.stereotype.Component;

/**
 * Builds the event a publishing step names (its {@code eventType} input) from the process variables and the case
 * file. Every event carries the {@link CaseRef} with both parties; deadlines carry how they were computed.
 */
@Component
public class CaseEvents {

    private static final TypeReference<List<Map<String, Object>>> OUTCOMES = new TypeReference<>() {
    };

    private final CaseFiles caseFiles;
    private final EventCatalog catalog;
    private final ObjectMapper json;
    private final Map<String, Function<Context, List<Built>>> builders;

    CaseEvents(CaseFiles caseFiles, EventCatalog catalog, ObjectMapper json) {
        this.caseFiles = caseFiles;
        this.catalog = catalog;
        this.json = json;
        this.builders = Map.ofEntries(
                builder(CaseRegistered.class, this::caseRegistered),
                builder(ApplicationForwarded.class, this::applicationForwarded),
                builder(IdentityVerificationRequested.class, this::verificationRequested),
                builder(ReplyDeadlineSet.class, this::replyDeadlineSet),
                builder(ReplyDeadlineExtended.class, this::replyDeadlineExtended),
                builder(ReplyTimeLimitExpired.class, this::replyTimeLimitExpired),
                builder(ReadmissionDecided.class, this::readmissionDecided),
                perPerson(TravelDocumentIssued.class, this::travelDocumentIssued, this::personsWithTravelDocument),
                builder(TransferScheduled.class, this::transferScheduled),
                builder(TransferCompleted.class, this::transferCompleted),
                builder(ProtectionHoldPlaced.class, this::holdPlaced),
                builder(ProtectionHoldReleased.class, this::holdReleased),
                builder(CaseClosed.class, this::caseClosed),
                builder(PersonalDataRectified.class, this::personalDataRectified),
                builder(ConsularInterviewScheduled.class, this::interviewScheduled),
                builder(ConsularInterviewHeld.class, this::interviewHeld),
                builder(ReintegrationReferralRequested.class, this::referralRequested),
                builder(ReintegrationConsentWithdrawn.class, this::reintegrationConsentWithdrawn),
                builder(ReintegrationClosed.class, this::reintegrationClosed));
    }

    /** What a publishing step needs to know. */
    record Context(CaseFile file, ProcessFacts facts, Instant now) {
    }

    /** The event, where it goes, and the person it concerns when one step publishes one event per person. */
    record Built(SpecificRecord event, String topic, String personId) {
    }

    Set<String> publishable() {
        return builders.keySet();
    }

    /** One event, or one per person for per-person events published by a step that is not per person. */
    List<Built> build(String ceType, Context context) {
        Function<Context, List<Built>> builder = builders.get(ceType);
        if (builder == null) {
            throw new IllegalArgumentException("case " + context.file().caseId() + ", activity "
                    + context.facts().activityId() + ": eventType '" + ceType + "' is not an event this service publishes;"
                    + " known: " + builders.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return builder.apply(context);
    }

    static String topicOf(SpecificRecord event) {
        if (event instanceof IdentityVerificationRequested) {
            return Topics.IDENTITY_VERIFICATION_REQUESTS;
        }
        if (event instanceof ReintegrationReferralRequested || event instanceof ReintegrationConsentWithdrawn
                || event instanceof ReintegrationClosed) {
            return Topics.REINTEGRATION_REFERRALS;
        }
        return Topics.CASE_EVENTS;
    }

    private Map.Entry<String, Function<Context, List<Built>>> builder(Class<? extends SpecificRecord> type,
                                                                      Function<Context, SpecificRecord> build) {
        EventType eventType = catalog.of(type);
        return Map.entry(eventType.ceType(), context -> {
            SpecificRecord event = build.apply(context);
            return List.of(new Built(event, topicOf(event), null));
        });
    }

    private Map.Entry<String, Function<Context, List<Built>>> perPerson(Class<? extends SpecificRecord> type,
                                                                        java.util.function.BiFunction<Context, String, SpecificRecord> build,
                                                                        Function<Context, List<String>> persons) {
        EventType eventType = catalog.of(type);
        return Map.entry(eventType.ceType(), context -> {
            Optional<String> personId = context.facts().text(PERSON_ID);
            List<String> concerned = personId.map(List::of).orElseGet(() -> persons.apply(context));
            return concerned.stream().map(id -> {
                SpecificRecord event = build.apply(context, id);
                return new Built(event, topicOf(event), personId.isPresent() ? null : id);
            }).toList();
        });
    }

    static CaseRef caseRef(CaseFile file) {
        return CaseRef.newBuilder()
                .setCaseId(CaseId.newBuilder().setValue(file.caseId()).build())
                .setApplicationId(file.applicationId())
                .setRequestingParty(party(file.requestingParty()))
                .setRequestedParty(party(file.requestedParty()))
                .build();
    }

    private static PartyCode party(String code) {
        return PartyCode.newBuilder().setValue(code).build();
    }

    private SpecificRecord caseRegistered(Context c) {
        return CaseRegistered.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setProcedure(ProcedureType.valueOf(c.file().procedure()))
                .setCategory(PersonCategory.valueOf(c.file().category()))
                .setPersonCount(c.file().persons().size())
                .setReceivedAt(c.file().receivedAt()).build();
    }

    private SpecificRecord applicationForwarded(Context c) {
        return ApplicationForwarded.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setReceivedAt(c.file().receivedAt()).setApplication(caseFiles.application(c.file())).build();
    }

    private SpecificRecord verificationRequested(Context c) {
        String personId = c.facts().requiredText(PERSON_ID);
        Person person = caseFiles.person(c.file(), personId).orElseThrow(() -> new IllegalStateException(
                "case " + c.file().caseId() + " has no person " + personId));
        return IdentityVerificationRequested.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(personId).setPerson(person).setRequestedAt(c.now()).build();
    }

    private SpecificRecord interviewScheduled(Context c) {
        return ConsularInterviewScheduled.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().requiredText(PERSON_ID))
                .setScheduledAt(c.facts().requiredInstant(INTERVIEW_SCHEDULED_AT))
                .setPlace(c.facts().requiredText(INTERVIEW_PLACE))
                .setTargetDate(Deadlines.of(DeadlineKind.INTERVIEW, c.facts(), c.now())).build();
    }

    private SpecificRecord interviewHeld(Context c) {
        return ConsularInterviewHeld.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().requiredText(PERSON_ID))
                .setNationalityConfirmed("CONFIRMED".equals(c.facts().requiredText(INTERVIEW_OUTCOME)))
                .setHeldAt(c.facts().instant(INTERVIEW_SCHEDULED_AT).orElse(c.now())).build();
    }

    private SpecificRecord replyDeadlineSet(Context c) {
        return ReplyDeadlineSet.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setDeadline(Deadlines.of(DeadlineKind.REPLY, c.facts(), c.now())).build();
    }

    private SpecificRecord replyDeadlineExtended(Context c) {
        return ReplyDeadlineExtended.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setDeadline(Deadlines.of(DeadlineKind.EXTENDED_REPLY, c.facts(), c.now()))
                .setMotivation(c.facts().text(EXTENSION_MOTIVATION).or(() -> c.facts().text(MOTIVATION)).orElse(""))
                .build();
    }

    private SpecificRecord replyTimeLimitExpired(Context c) {
        DeadlineKind kind = c.facts().flag(EXTENSION_USED) ? DeadlineKind.EXTENDED_REPLY : DeadlineKind.REPLY;
        return ReplyTimeLimitExpired.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setDeadline(Deadlines.of(kind, c.facts(), c.now())).build();
    }

    private SpecificRecord readmissionDecided(Context c) {
        String decision = c.facts().requiredText(DECISION);
        String motivation = c.facts().text(MOTIVATION).orElse("");
        ReadmissionDecisionType type;
        String decidedBy = c.file().requestedParty();
        if ("NO_REPLY_TREATED_AS_AGREED".equals(decision)) {
            // the agreement's rule, recorded by the requesting party's supervisor: an explicit, audited outcome
            type = ReadmissionDecisionType.DEEMED_AGREED;
            decidedBy = c.file().requestingParty();
            motivation = motivation.isEmpty() ? "No reply within the time limit: the application is treated as agreed."
                    : motivation;
        } else {
            type = ReadmissionDecisionType.valueOf(decision);
        }
        return ReadmissionDecided.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setDecision(type).setPersonOutcomes(personOutcomes(c, type))
                .setDecidedBy(party(decidedBy)).setMotivation(motivation).build();
    }

    private List<PersonOutcome> personOutcomes(Context c, ReadmissionDecisionType type) {
        var stated = c.facts().text(PERSON_OUTCOMES);
        if (stated.isPresent()) {
            try {
                return json.readValue(stated.get(), OUTCOMES).stream().map(o -> PersonOutcome.newBuilder()
                        .setPersonId(String.valueOf(o.get("personId")))
                        .setApproved(Boolean.TRUE.equals(o.get("approved")))
                        .setRefusalReasons(((List<?>) o.getOrDefault("refusalReasons", List.of())).stream()
                                .map(r -> RefusalReason.valueOf(String.valueOf(r))).toList())
                        .build()).toList();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("case " + c.file().caseId() + ": variable personOutcomes is not valid JSON", e);
            }
        }
        List<RefusalReason> reasons = Arrays.stream(c.facts().text(REFUSAL_REASONS).orElse("").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(RefusalReason::valueOf).toList();
        Set<String> refused = Set.copyOf(c.facts().list("refusedPersonIds"));
        List<PersonOutcome> outcomes = new ArrayList<>();
        for (String personId : c.file().personIds()) {
            boolean approved = switch (type) {
                case APPROVED, DEEMED_AGREED -> true;
                case REFUSED -> false;
                case PARTIALLY_APPROVED -> !refused.contains(personId);
            };
            outcomes.add(PersonOutcome.newBuilder().setPersonId(personId).setApproved(approved)
                    .setRefusalReasons(approved ? List.of() : reasons).build());
        }
        return outcomes;
    }

    private List<String> personsWithTravelDocument(Context c) {
        List<String> persons = c.file().travelDocuments().stream().map(CaseFile.TravelDocumentEntry::personId).toList();
        if (persons.isEmpty()) {
            throw new IllegalStateException("case " + c.file().caseId() + ": no travel document is recorded;"
                    + " UserTask_IssueTravelDocument records them");
        }
        return persons;
    }

    private SpecificRecord travelDocumentIssued(Context c, String personId) {
        CaseFile.TravelDocumentEntry document = caseFiles.travelDocuments(c.file()).stream()
                .filter(d -> d.personId().equals(personId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("case " + c.file().caseId()
                        + ": no travel document recorded for person " + personId));
        boolean met = c.facts().instant(TRAVEL_DOCUMENT_DUE_AT).map(due -> !document.issuedAt().isAfter(due)).orElse(true);
        return TravelDocumentIssued.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(personId).setDocumentNumber(document.documentNumber())
                .setValidUntil(document.validUntil()).setDeadlineMet(met).build();
    }

    private SpecificRecord transferScheduled(Context c) {
        return TransferScheduled.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setScheduledAt(c.facts().requiredInstant(TRANSFER_SCHEDULED_AT))
                .setBorderCrossingPoint(c.facts().requiredText(BORDER_CROSSING_POINT))
                .setDeadline(Deadlines.of(DeadlineKind.TRANSFER, c.facts(), c.now())).build();
    }

    private SpecificRecord transferCompleted(Context c) {
        return TransferCompleted.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setHandedOverAt(c.facts().instant(HANDED_OVER_AT).orElse(c.now()))
                .setBorderCrossingPoint(c.facts().requiredText(BORDER_CROSSING_POINT))
                .setPersonIds(personsTransferred(c)).build();
    }

    /** The persons of the transfer proposal, else those approved, else all of the case. */
    private List<String> personsTransferred(Context c) {
        List<String> proposed = c.facts().list(TRANSFER_PERSON_IDS);
        if (!proposed.isEmpty()) {
            return proposed;
        }
        if (c.facts().text(PERSON_OUTCOMES).isPresent()) {
            return personOutcomes(c, ReadmissionDecisionType.PARTIALLY_APPROVED).stream()
                    .filter(PersonOutcome::getApproved).map(PersonOutcome::getPersonId).toList();
        }
        return c.file().personIds();
    }

    private SpecificRecord holdPlaced(Context c) {
        return ProtectionHoldPlaced.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().text(PROTECTION_PERSON_ID).orElse(null))
                .setConcern(c.facts().text(PROTECTION_CONCERN).map(ProtectionConcern::valueOf).orElse(ProtectionConcern.OTHER))
                .setPlacedBy(party(c.facts().text(HOLD_RAISED_BY).orElse(c.file().requestingParty()))).build();
    }

    private SpecificRecord holdReleased(Context c) {
        return ProtectionHoldReleased.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setReleasedBy(c.facts().text(HOLD_RELEASED_BY).orElse("not recorded"))
                .setJustification(c.facts().requiredText(HOLD_MOTIVATION)).build();
    }

    private SpecificRecord caseClosed(Context c) {
        String outcome = c.facts().text(OUTCOME).orElse("OTHER").toUpperCase(Locale.ROOT);
        CaseOutcome caseOutcome = Arrays.stream(CaseOutcome.values()).filter(o -> o.name().equals(outcome))
                .findFirst().orElse(CaseOutcome.OTHER);
        return CaseClosed.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setOutcome(caseOutcome).setClosedAt(c.now()).build();
    }

    /** The corrected person as the case file now holds it, for the other party (the gateway passes it on). */
    private SpecificRecord personalDataRectified(Context c) {
        String personId = c.facts().requiredText(CORRECTED_PERSON_ID);
        Person person = caseFiles.person(c.file(), personId).orElseThrow(() -> new IllegalStateException(
                "case " + c.file().caseId() + " has no person " + personId));
        return PersonalDataRectified.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setCorrectedBy(party(c.facts().text(CORRECTED_BY).orElse(c.file().requestingParty())))
                .setPerson(person)
                .setCorrectedFields(c.facts().text(CORRECTED_FIELDS).filter(f -> !f.isBlank())
                        .map(f -> List.of(f.split(","))).orElse(List.of()))
                .setCorrectionId(c.facts().requiredText(CORRECTION_ID)).build();
    }

    /** The referral of one returned person, from the handoff's consent, screening and needs assessment (codes only). */
    private SpecificRecord referralRequested(Context c) {
        return ReintegrationReferralRequested.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().requiredText(PERSON_ID))
                .setConsentGiven(c.facts().flag(ReintegrationHandoffProcess.Variables.CONSENT_GIVEN))
                .setVulnerabilities(codes(c, ReintegrationHandoffProcess.Variables.VULNERABILITIES, Vulnerability::valueOf))
                .setNeeds(codes(c, ReintegrationHandoffProcess.Variables.NEEDS, ReintegrationNeed::valueOf))
                .setRegion(c.facts().text(ReintegrationHandoffProcess.Variables.REGION).orElse(null))
                .setPriority(c.facts().text(ReintegrationHandoffProcess.Variables.PRIORITY).map(ReintegrationPriority::valueOf).orElse(null))
                .setAttempt(referralAttempt(c.facts()))
                .build();
    }

    private SpecificRecord reintegrationConsentWithdrawn(Context c) {
        return ReintegrationConsentWithdrawn.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().requiredText(PERSON_ID))
                .setRecordedBy(c.facts().text(ReintegrationHandoffProcess.Variables.REQUESTED_PARTY).orElse(c.file().requestedParty()))
                .build();
    }

    private SpecificRecord reintegrationClosed(Context c) {
        return ReintegrationClosed.newBuilder().setCaseRef(caseRef(c.file())).setOccurredAt(c.now())
                .setPersonId(c.facts().requiredText(PERSON_ID))
                .setOutcome(c.facts().text(ReintegrationHandoffProcess.Variables.OUTCOME).map(ReintegrationOutcome::valueOf)
                        .orElse(ReintegrationOutcome.OTHER))
                .build();
    }

    /** The handoff's {@code referralAttempt} (1 for the first referral; a Long after a re-route). */
    static int referralAttempt(ProcessFacts facts) {
        return facts.value(ReintegrationHandoffProcess.Variables.REFERRAL_ATTEMPT)
                .map(value -> ((Number) value).intValue()).orElse(1);
    }

    private static <T> List<T> codes(Context c, String variable, Function<String, T> parse) {
        return Arrays.stream(c.facts().text(variable).orElse("").split(",")).map(String::trim)
                .filter(code -> !code.isEmpty()).map(parse).toList();
    }

    /** The persons handed over at the border: those of the transfer, else those approved, else all of the case. */
    public List<String> returnedPersons(CaseFile file, Function<String, Object> variables) {
        return personsTransferred(new Context(file, new ProcessFacts(file.caseId(), "returned persons", variables), Instant.now()));
    }
}
