package org.readmission.caseview.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything the events tell about one case: the read model's document. Its methods are the transitions the
 * projection applies, one per kind of event; each records a timeline entry and re-derives the open tasks. Holds
 * personal data (names, dates of birth, document numbers): never log it.
 */
@Document("cases")
public class CaseFile {

    @Id
    private String caseId;
    @Version
    private Long version;
    private String applicationId;
    private String requestingParty;
    private String requestedParty;
    private String procedure;
    private String category;
    private Instant receivedAt;
    private Instant forwardedAt;
    private CaseState state = CaseState.REGISTERED;
    private List<Person> persons = new ArrayList<>();
    private List<Verification> verifications = new ArrayList<>();
    private List<Deadline> deadlines = new ArrayList<>();
    private Decision decision;
    private Instant expiredAt;
    private List<TravelDocument> travelDocuments = new ArrayList<>();
    private Transfer transfer;
    private List<Hold> openHolds = new ArrayList<>();
    private int holdsPlaced;
    private List<Reintegration> reintegration = new ArrayList<>();
    private String outcome;
    private Instant closedAt;
    private List<OpenTask> openTasks = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();
    private Set<String> appliedEventIds = new LinkedHashSet<>();
    private Instant updatedAt;

    /** For the mapping. */
    protected CaseFile() {
    }

    public static CaseFile of(CaseRef ref) {
        CaseFile file = new CaseFile();
        file.caseId = ref.caseId();
        file.identify(ref);
        return file;
    }

    /** The case's identifiers and parties, as every event carries them. */
    public record CaseRef(String caseId, String applicationId, String requestingParty, String requestedParty) {
    }

    /** What every applied event leaves behind. */
    public record Applied(String eventId, String type, Instant occurredAt, String source, String textKey, List<String> textArgs) {
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    public void registered(Applied applied, String procedure, String category, Instant receivedAt) {
        this.procedure = procedure;
        this.category = category;
        this.receivedAt = receivedAt;
        record(applied);
    }

    public void forwarded(Applied applied, String procedure, String category, Instant receivedAt, List<Person> persons) {
        this.procedure = procedure;
        this.category = category;
        this.receivedAt = receivedAt;
        this.forwardedAt = applied.occurredAt();
        this.persons = new ArrayList<>(persons);
        advance(CaseState.VERIFYING);
        record(applied);
    }

    public void deadlineSet(Applied applied, Deadline deadline) {
        deadlines.removeIf(d -> d.kind().equals(deadline.kind()));
        deadlines.add(deadline);
        record(applied);
    }

    public void verificationRequested(Applied applied, String personId) {
        if (verification(personId).isEmpty()) {
            verifications.add(new Verification(personId, null, List.of(), null, applied.occurredAt(), null));
        }
        record(applied);
    }

    public void verificationCompleted(Applied applied, String personId, String outcome, List<String> reasons,
                                      String evidenceClass, Instant completedAt) {
        Instant requestedAt = verification(personId).map(Verification::requestedAt).orElse(null);
        verifications.removeIf(v -> v.personId().equals(personId));
        verifications.add(new Verification(personId, outcome, List.copyOf(reasons), evidenceClass, requestedAt, completedAt));
        record(applied);
    }

    public void replyExpired(Applied applied, Deadline deadline) {
        deadlines.removeIf(d -> d.kind().equals(deadline.kind()));
        deadlines.add(deadline);
        expiredAt = applied.occurredAt();
        advance(CaseState.REPLY_EXPIRED);
        record(applied);
    }

    public void decided(Applied applied, Decision decision) {
        this.decision = decision;
        if (decision.approved() && deadline("TRAVEL_DOCUMENT").isEmpty()) {
            deadlines.add(EstimatedDeadlines.travelDocument(decision.decidedAt()));
        }
        advance(decision.approved() ? CaseState.APPROVED : CaseState.REFUSED);
        record(applied);
    }

    public void travelDocumentIssued(Applied applied, TravelDocument document) {
        travelDocuments.removeIf(d -> d.personId().equals(document.personId()));
        travelDocuments.add(document);
        if (travelDocuments.size() >= approvedPersonIds().size()) {
            advance(CaseState.TRAVEL_DOCUMENT_ISSUED);
        }
        record(applied);
    }

    public void transferScheduled(Applied applied, Instant scheduledAt, String borderCrossingPoint, Deadline deadline) {
        transfer = new Transfer(scheduledAt, borderCrossingPoint, null, List.of());
        if (deadline != null) {
            deadlines.removeIf(d -> d.kind().equals(deadline.kind()));
            deadlines.add(deadline);
        }
        advance(CaseState.TRANSFER_SCHEDULED);
        record(applied);
    }

    public void transferCompleted(Applied applied, Instant handedOverAt, String borderCrossingPoint, List<String> personIds) {
        transfer = new Transfer(transfer == null ? null : transfer.scheduledAt(), borderCrossingPoint, handedOverAt,
                List.copyOf(personIds));
        advance(CaseState.TRANSFERRED);
        record(applied);
    }

    public void holdPlaced(Applied applied, String personId, String concern, String placedBy) {
        openHolds.add(new Hold(applied.eventId(), personId, concern, placedBy, applied.occurredAt()));
        holdsPlaced++;
        record(applied);
    }

    /** A release names no hold: the oldest open one is released (each concern is reviewed on its own, in order). */
    public void holdReleased(Applied applied) {
        if (!openHolds.isEmpty()) {
            openHolds.remove(0);
        }
        record(applied);
    }

    public void reintegrationReferred(Applied applied, String personId, boolean consentGiven) {
        reintegration.removeIf(r -> r.personId().equals(personId));
        reintegration.add(new Reintegration(personId, consentGiven, consentGiven ? "REFERRED" : "NO_CONSENT", null, applied.occurredAt()));
        record(applied);
    }

    public void reintegrationProgress(Applied applied, String personId, String stage, String provider) {
        boolean consent = reintegration.stream().filter(r -> r.personId().equals(personId)).findFirst()
                .map(Reintegration::consentGiven).orElse(true);
        reintegration.removeIf(r -> r.personId().equals(personId));
        reintegration.add(new Reintegration(personId, consent, stage, provider, applied.occurredAt()));
        record(applied);
    }

    public void closed(Applied applied, String outcome, Instant closedAt) {
        this.outcome = outcome;
        this.closedAt = closedAt;
        state = CaseState.CLOSED;
        openHolds.clear();
        record(applied);
    }

    /** An event the read model does not interpret (yet): it still shows on the timeline. */
    public void noted(Applied applied) {
        record(applied);
    }

    private void advance(CaseState next) {
        if (state != CaseState.CLOSED && next.ordinal() >= state.ordinal()) {
            state = next;
        }
    }

    private void record(Applied applied) {
        appliedEventIds.add(applied.eventId());
        timeline.add(new TimelineEntry(applied.eventId(), applied.type(), applied.occurredAt(), applied.source(),
                applied.textKey(), applied.textArgs()));
        timeline.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        updatedAt = applied.occurredAt();
        if (state == CaseState.VERIFYING && !persons.isEmpty() && persons.stream().allMatch(p -> verification(p.personId())
                .map(v -> v.outcome() != null).orElse(false))) {
            state = CaseState.AWAITING_DECISION;
        }
        openTasks = ExpectedTasks.of(this);
    }

    public void identify(CaseRef ref) {
        applicationId = ref.applicationId();
        requestingParty = ref.requestingParty();
        requestedParty = ref.requestedParty();
    }

    public Optional<Verification> verification(String personId) {
        return verifications.stream().filter(v -> v.personId().equals(personId)).findFirst();
    }

    /** The reply deadline in force: the extended one if there is one. */
    public Optional<Deadline> replyDeadline() {
        return deadline("EXTENDED_REPLY").or(() -> deadline("REPLY"));
    }

    public Optional<Deadline> deadline(String kind) {
        return deadlines.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    public List<String> approvedPersonIds() {
        if (decision == null) {
            return List.of();
        }
        List<String> approved = decision.approvedPersonIds();
        return approved.isEmpty() && decision.approved() ? persons.stream().map(Person::personId).toList() : approved;
    }

    public boolean closed() {
        return state == CaseState.CLOSED;
    }

    public boolean onHold() {
        return !openHolds.isEmpty();
    }

    /** Whether the decision came within the reply time limit in force (empty while undecided). */
    public Optional<Boolean> decidedWithinLimit() {
        if (decision == null) {
            return Optional.empty();
        }
        if (decision.afterExpiry()) {
            return Optional.of(false);
        }
        return Optional.of(replyDeadline().map(d -> !decision.decidedAt().isAfter(d.dueAt())).orElse(true));
    }

    public String caseId() { return caseId; }
    public String applicationId() { return applicationId; }
    public String requestingParty() { return requestingParty; }
    public String requestedParty() { return requestedParty; }
    public String procedure() { return procedure; }
    public String category() { return category; }
    public Instant receivedAt() { return receivedAt; }
    public Instant forwardedAt() { return forwardedAt; }
    public CaseState state() { return state; }
    public List<Person> persons() { return List.copyOf(persons); }
    public List<Verification> verifications() { return List.copyOf(verifications); }
    public List<Deadline> deadlines() { return List.copyOf(deadlines); }
    public Decision decision() { return decision; }
    public Instant expiredAt() { return expiredAt; }
    public List<TravelDocument> travelDocuments() { return List.copyOf(travelDocuments); }
    public Transfer transfer() { return transfer; }
    public List<Hold> openHolds() { return List.copyOf(openHolds); }
    public int holdsPlaced() { return holdsPlaced; }
    public List<Reintegration> reintegration() { return List.copyOf(reintegration); }
    public String outcome() { return outcome; }
    public Instant closedAt() { return closedAt; }
    public List<OpenTask> openTasks() { return List.copyOf(openTasks); }
    public List<TimelineEntry> timeline() { return List.copyOf(timeline); }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }

    /** One person of the application, with the evidence summary. */
    public record Person(String personId, String role, String givenNames, String surname, String patronymic,
                         String nativeScript, LocalDate dateOfBirth, String sex, String claimedNationality,
                         List<Document> documents, List<Evidence> evidence, boolean interviewRequested,
                         boolean protectionClaimRaised) {

        public String fullName() {
            return (givenNames + " " + (patronymic == null ? "" : patronymic + " ") + surname).trim();
        }
    }

    public record Document(String type, String number, String issuingCountry, LocalDate expiresOn, boolean copyOnly) {
    }

    public record Evidence(String kind, String annexClass, String documentType, String description) {
    }

    public record Verification(String personId, String outcome, List<String> reasons, String evidenceClass,
                               Instant requestedAt, Instant completedAt) {
    }

    /** A time limit and how it was computed. */
    public record Deadline(String kind, Instant startsAt, Instant dueAt, String rule, String calendar, String profileId,
                           String source, String confidence, String explanation) {
    }

    public record Decision(String type, Instant decidedAt, String decidedBy, String motivation,
                           List<String> approvedPersonIds, List<String> refusalReasons, boolean afterExpiry) {

        public boolean approved() {
            return !"REFUSED".equals(type);
        }
    }

    public record TravelDocument(String personId, String documentNumber, LocalDate validUntil, boolean deadlineMet, Instant issuedAt) {
    }

    public record Transfer(Instant scheduledAt, String borderCrossingPoint, Instant handedOverAt, List<String> personIds) {
    }

    public record Hold(String eventId, String personId, String concern, String placedBy, Instant placedAt) {
    }

    public record Reintegration(String personId, boolean consentGiven, String stage, String provider, Instant at) {
    }

    /** What happened, for people: the text is a message key with its arguments (never personal data). */
    public record TimelineEntry(String eventId, String type, Instant occurredAt, String source, String textKey, List<String> textArgs) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseFile other && Objects.equals(caseId, other.caseId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(caseId);
    }
}
