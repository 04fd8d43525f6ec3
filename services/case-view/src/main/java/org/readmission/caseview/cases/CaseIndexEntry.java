package org.readmission.caseview.cases;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.readmission.protection.BlindIndex;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The compact row of one case that lists, search and statistics read (the whole {@link CaseFile} is only read for
 * the case page). Rewritten from the case file after every event. {@code taskGroups} / {@code taskParties} let a
 * task list select its rows with a single equality on an array. Document numbers are kept only as blind-index entries
 * ({@code documentIndex}: keyed hashes, {@link BlindIndex}); {@code mainPersonName} is sealed under the case's key
 * ({@link ReadModelEncryption}); {@code nameKeys} are the phonetic search keys. An erased case's row
 * ({@code erasedAt}) has none of them: it still counts in lists and statistics, and is found by its id only.
 */
@Document("case_index")
public record CaseIndexEntry(@Id String caseId, String applicationId, String requestingParty, String requestedParty,
                             String procedure, String category, CaseState state, String mainPersonName, int personCount,
                             List<String> nameKeys, List<String> documentIndex, Instant receivedAt, Instant replyDueAt,
                             String decision, Instant decidedAt, Boolean decidedWithinLimit, Instant travelDocumentIssuedAt,
                             Instant transferredAt, Instant closedAt, String outcome, boolean onHold, int holdsPlaced,
                             List<OpenTask> openTasks, List<String> taskGroups, List<String> taskParties, Instant nextDueAt,
                             int reintegrationReferred, List<String> reintegrationStages, Instant erasedAt) {

    /** The row of the case; its document numbers indexed with the blind index (exact search, {@link CaseIndex#search}). */
    public static CaseIndexEntry of(CaseFile file, BlindIndex blindIndex) {
        List<CaseFile.Person> persons = file.persons();
        boolean erased = file.erased();
        List<String> nameKeys = erased ? List.of() : persons.stream()
                .flatMap(p -> SearchKeys.ofWords(p.givenNames(), p.surname(), p.patronymic(), p.nativeScript()).stream())
                .distinct().toList();
        List<String> documents = erased ? List.of() : persons.stream().flatMap(p -> p.documents().stream())
                .map(d -> SearchKeys.documentNumber(d.number())).filter(n -> !n.isEmpty()).distinct()
                .map(n -> blindIndex.of(SearchKeys.DOCUMENT_NUMBER_INDEX, n)).toList();
        List<OpenTask> tasks = file.openTasks();
        Instant travelDocumentIssuedAt = file.travelDocuments().stream().map(CaseFile.TravelDocument::issuedAt)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        CaseFile.Decision decision = file.decision();
        return new CaseIndexEntry(file.caseId(), file.applicationId(), file.requestingParty(), file.requestedParty(),
                file.procedure(), file.category(), file.state(),
                persons.isEmpty() || erased ? null : persons.get(0).fullName(), persons.size(), nameKeys, documents,
                file.receivedAt(), file.replyDeadline().map(CaseFile.Deadline::dueAt).orElse(null),
                decision == null ? null : decision.afterExpiry() ? "NO_REPLY_TREATED_AS_AGREED" : decision.type(),
                decision == null ? null : decision.decidedAt(), file.decidedWithinLimit().orElse(null),
                travelDocumentIssuedAt, file.transfer() == null ? null : file.transfer().handedOverAt(),
                file.closedAt(), file.outcome(), file.onHold(), file.holdsPlaced(), tasks,
                tasks.stream().map(OpenTask::candidateGroup).distinct().toList(),
                tasks.stream().map(OpenTask::party).distinct().toList(),
                tasks.stream().map(OpenTask::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null),
                file.reintegration().size(), file.reintegration().stream().map(CaseFile.Reintegration::stage).toList(),
                file.erasedAt());
    }

    /** The row as the task lists keep it ({@link CaseIndex#TASKS}): without the search keys, which lists never read. */
    public CaseIndexEntry withoutSearchKeys() {
        return new CaseIndexEntry(caseId, applicationId, requestingParty, requestedParty, procedure, category, state,
                mainPersonName, personCount, List.of(), List.of(), receivedAt, replyDueAt, decision, decidedAt,
                decidedWithinLimit, travelDocumentIssuedAt, transferredAt, closedAt, outcome, onHold, holdsPlaced, openTasks,
                taskGroups, taskParties, nextDueAt, reintegrationReferred, reintegrationStages, erasedAt);
    }

    public boolean open() {
        return state != CaseState.CLOSED;
    }
}
