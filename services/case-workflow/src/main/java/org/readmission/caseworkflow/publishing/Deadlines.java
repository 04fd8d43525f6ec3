package org.readmission.caseworkflow.publishing;

import static org.readmission.workflow.ReadmissionCaseProcess.Variables.DECIDED_AT;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.INTERVIEW;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.RECEIVED_AT;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.REPLY;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.TRANSFER;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.TRAVEL_DOCUMENT;

import java.time.Instant;
import java.util.Map;

import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.events.common.Deadline;
import org.readmission.events.common.DeadlineKind;

/**
 * The deadlines a publishing step announces, read from the variables the deadline rules of the workflows module
 * set ({@code ComputedDeadline.asVariables(prefix)}: {@code replyDueAt}, {@code replyDeadlineStartsAt},
 * {@code replyDeadlineRule}, {@code ...Calendar}, {@code ...ProfileId}, {@code ...Source}, {@code ...Confidence},
 * {@code ...Explanation}), so that every published deadline says how it was computed.
 */
final class Deadlines {

    private static final String INTERVIEW_DEADLINE_STARTS_AT = INTERVIEW + "DeadlineStartsAt";
    static final String NOT_STATED = "not stated by the model";

    /** Variable prefix per kind of deadline, and what the deadline runs from when the model does not say. */
    private record Source(String prefix, String startsAtFallback) {
    }

    private static final Map<DeadlineKind, Source> SOURCES = Map.of(
            DeadlineKind.REPLY, new Source(REPLY, RECEIVED_AT),
            DeadlineKind.EXTENDED_REPLY, new Source(REPLY, RECEIVED_AT),
            DeadlineKind.TRAVEL_DOCUMENT, new Source(TRAVEL_DOCUMENT, DECIDED_AT),
            DeadlineKind.TRANSFER, new Source(TRANSFER, DECIDED_AT),
            DeadlineKind.INTERVIEW, new Source(INTERVIEW, INTERVIEW_DEADLINE_STARTS_AT));

    private Deadlines() {
    }

    static Deadline of(DeadlineKind kind, ProcessFacts facts, Instant now) {
        String prefix = SOURCES.get(kind).prefix();
        String details = prefix + "Deadline";
        return Deadline.newBuilder()
                .setKind(facts.text(details + "Kind").map(DeadlineKind::valueOf).orElse(kind))
                .setStartsAt(facts.instant(details + "StartsAt")
                        .or(() -> facts.instant(SOURCES.get(kind).startsAtFallback())).orElse(now))
                .setDueAt(facts.requiredInstant(prefix + "DueAt"))
                .setRule(facts.text(details + "Rule").or(() -> facts.text(details + "Explanation")).orElse(NOT_STATED))
                .setCalendar(facts.text(details + "Calendar").orElse(NOT_STATED))
                .setProfileId(facts.text(details + "ProfileId").orElse(NOT_STATED))
                .setSource(facts.text(details + "Source").orElse(NOT_STATED))
                .setConfidence(facts.text(details + "Confidence").orElse(NOT_STATED))
                .build();
    }

    /** The deadline as the case file keeps it, with the model's full explanation when there is one. */
    static CaseFile.DeadlineEntry entryOf(Deadline deadline, ProcessFacts facts) {
        String prefix = SOURCES.getOrDefault(deadline.getKind(), new Source(REPLY, RECEIVED_AT)).prefix();
        return new CaseFile.DeadlineEntry(deadline.getKind().name(), deadline.getStartsAt(), deadline.getDueAt(),
                deadline.getRule(), deadline.getCalendar(), deadline.getProfileId(), deadline.getSource(),
                deadline.getConfidence(), facts.text(prefix + "DeadlineExplanation").orElse(deadline.getRule()));
    }
}
