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
 * personal data (names, dates of birth, document numbers): never log it. Stored with those fields sealed under the
 * case's key ({@link ReadModelEncryption}); in memory they are readable. Once the case's retention period is over the
 * file is a tombstone ({@link #erasedAt()}): ids, parties, states, dates and codes, no personal data; events applied
 * to it later change its state, never bring personal data back (it is stored stripped).
 */
@Document("cases")
public class CaseFile {

    public static final String INTERVIEW_REQUIRED = "INTERVIEW_REQUIRED";
    public static final String DEEMED_AGREED = "DEEMED_AGREED";

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
    private List<Interview> interviews = new ArrayList<>();
    private List<Deadline> deadlines = new ArrayList<>();
    private Decision decision;
    private Instant expiredAt;
    private List<TravelDocument> travelDocuments = new ArrayList<>();
    private Transfer transfer;
    private List<Hold> openHolds = new ArrayList<>();
    private int holdsPlaced;
    private List<Reintegration> reintegration = new ArrayList<>();
    private List<String> returnedPersonIds = new ArrayList<>();
    private String outcome;
    private Instant closedAt;
    private List<OpenTask> openTasks = new ArrayList<>();
    private List<TimelineEntry> timeline = new ArrayList<>();
    private Set<String> appliedEventIds = new LinkedHashSet<>();
    private Instant updatedAt;
    /** When the personal data of the case was erased (end of its retention period); null while it is kept. */
    private Instant erasedAt;

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

    /**
     * The case's personal data was erased at the end of its retention period: the file is written as a tombstone from
     * now on, whatever events are applied to it (a late event, a replay of the topics).
     */
    public void erased(Instant at) {
        if (erasedAt == null) {
            erasedAt = at;
        }
        openTasks = new ArrayList<>();
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

    /**
     * The party that sent a person's data corrected it (PersonalDataRectified): the person's record is replaced as a
     * whole, so the wrong values leave the read model and its search index at the next save. Not on a tombstone.
     */
    public void rectified(Applied applied, Person corrected) {
        if (erasedAt == null) {
            persons.replaceAll(p -> p.personId().equals(corrected.personId()) ? corrected : p);
        }
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

    /** The consulate will interview the person (their verification said INTERVIEW_REQUIRED). */
    public void interviewScheduled(Applied applied, String personId, Instant scheduledAt, String place, Deadline target) {
        Interview previous = interview(personId).orElse(null);
        interviews.removeIf(i -> i.personId().equals(personId));
        interviews.add(new Interview(personId, scheduledAt, place, target,
                previous == null ? null : previous.nationalityConfirmed(), previous == null ? null : previous.heldAt()));
        record(applied);
    }

    /** The interview took place: its outcome completes the person's verification. */
    public void interviewHeld(Applied applied, String personId, boolean nationalityConfirmed, Instant heldAt) {
        Interview previous = interview(personId).orElse(null);
        interviews.removeIf(i -> i.personId().equals(personId));
        interviews.add(new Interview(personId, previous == null ? null : previous.scheduledAt(),
                previous == null ? null : previous.place(), previous == null ? null : previous.target(), nationalityConfirmed, heldAt));
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
        returnedPersonIds = new ArrayList<>(personIds.isEmpty() ? approvedPersonIds() : personIds);
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
        reintegrate(applied, personId, consentGiven, consentGiven ? "REFERRED" : "NO_CONSENT", null);
    }

    public void reintegrationProgress(Applied applied, String personId, String stage, String provider) {
        reintegrate(applied, personId, null, stage, provider);
    }

    /** The reintegration service chose a provider, or found none (null). */
    public void reintegrationProviderAssigned(Applied applied, String personId, String provider) {
        String current = reintegration(personId).map(Reintegration::stage).orElse("REFERRED");
        String stage = provider == null ? "NO_PROVIDER" : "NO_PROVIDER".equals(current) ? "REFERRED" : current;
        reintegrate(applied, personId, null, stage, provider);
    }

    /** The person withdrew consent: the handoff stops (their needs are erased upstream; none are kept here). */
    public void reintegrationConsentWithdrawn(Applied applied, String personId) {
        reintegrate(applied, personId, false, "CONSENT_WITHDRAWN", null);
    }

    /** The handoff of the person ended: COMPLETED reaches the funnel's CLOSED; other outcomes are named as such. */
    public void reintegrationClosed(Applied applied, String personId, String outcome) {
        reintegrate(applied, personId, null, "COMPLETED".equals(outcome) ? "CLOSED" : "CLOSED_" + outcome, null);
    }

    /**
     * The person's reintegration as of the latest event: referrals and provider reports travel on different topics,
     * so an older event read later (a replay reads topic by topic) neither moves the stage back nor the moment.
     * Consent once withdrawn stays withdrawn; the provider is the latest one named.
     */
    private void reintegrate(Applied applied, String personId, Boolean consent, String stage, String provider) {
        Reintegration previous = reintegration(personId).orElse(null);
        Instant at = applied.occurredAt();
        boolean newer = previous == null || previous.at() == null || !at.isBefore(previous.at());
        String nextStage = previous == null || (newer && !"CONSENT_WITHDRAWN".equals(previous.stage())) ? stage : previous.stage();
        boolean consentGiven = previous == null ? consent == null || consent
                : !previous.consentGiven() && "CONSENT_WITHDRAWN".equals(previous.stage()) ? false
                : consent != null && (newer || !consent) ? consent : previous.consentGiven();
        String nextProvider = provider != null && (newer || previous == null || previous.provider() == null) ? provider
                : previous == null ? null : previous.provider();
        reintegration.removeIf(r -> r.personId().equals(personId));
        reintegration.add(new Reintegration(personId, consentGiven, nextStage, nextProvider, newer ? at : previous.at()));
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
        // by time; events of the same moment keep their order of arrival (one topic partition: the order published)
        timeline.sort(java.util.Comparator.comparing(TimelineEntry::occurredAt));
        // per-person lists in person order, so that the document does not depend on which topic was read first
        verifications.sort(java.util.Comparator.comparing(Verification::personId));
        interviews.sort(java.util.Comparator.comparing(Interview::personId));
        travelDocuments.sort(java.util.Comparator.comparing(TravelDocument::personId));
        reintegration.sort(java.util.Comparator.comparing(Reintegration::personId));
        updatedAt = updatedAt == null || applied.occurredAt().isAfter(updatedAt) ? applied.occurredAt() : updatedAt;
        if (state == CaseState.VERIFYING && !persons.isEmpty() && persons.stream().allMatch(p -> verified(p.personId()))) {
            state = CaseState.AWAITING_DECISION;
        }
        openTasks = erasedAt != null ? new ArrayList<>() : ExpectedTasks.of(this);
    }

    public void identify(CaseRef ref) {
        applicationId = ref.applicationId();
        requestingParty = ref.requestingParty();
        requestedParty = ref.requestedParty();
    }

    public Optional<Verification> verification(String personId) {
        return verifications.stream().filter(v -> v.personId().equals(personId)).findFirst();
    }

    public Optional<Interview> interview(String personId) {
        return interviews.stream().filter(i -> i.personId().equals(personId)).findFirst();
    }

    public Optional<Reintegration> reintegration(String personId) {
        return reintegration.stream().filter(r -> r.personId().equals(personId)).findFirst();
    }

    /**
     * Whether the person's verification is complete: an outcome other than INTERVIEW_REQUIRED, or the consular
     * interview held. The decision task only opens when every person's is.
     */
    public boolean verified(String personId) {
        String outcome = verification(personId).map(Verification::outcome).orElse(null);
        if (outcome == null) {
            return false;
        }
        return !INTERVIEW_REQUIRED.equals(outcome) || interview(personId).map(i -> i.heldAt() != null).orElse(false);
    }

    /** The person's outcome as it stands: the interview's, once held, else the verification's. */
    public Optional<String> verificationOutcome(String personId) {
        Optional<Interview> held = interview(personId).filter(i -> i.heldAt() != null);
        if (held.isPresent()) {
            return Optional.of(Boolean.TRUE.equals(held.get().nationalityConfirmed()) ? "CONFIRMED" : "NOT_CONFIRMED");
        }
        return verification(personId).map(Verification::outcome);
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
        return (approved.isEmpty() && decision.approved()) || decision.deemedAgreed() ? persons.stream().map(Person::personId).toList() : approved;
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
        if (decision.afterExpiry() || decision.deemedAgreed()) {
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
    public List<Interview> interviews() { return List.copyOf(interviews); }
    public List<String> returnedPersonIds() { return List.copyOf(returnedPersonIds); }
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
    public Instant erasedAt() { return erasedAt; }
    public boolean erased() { return erasedAt != null; }

    /**
     * One person of the application, with the evidence summary. Of an erased case only the id, the role and whether an
     * interview was requested remain (names, date of birth, sex, nationality, documents, evidence and the protection
     * claim are null or empty).
     */
    public record Person(String personId, String role, String givenNames, String surname, String patronymic,
                         String nativeScript, LocalDate dateOfBirth, String sex, String claimedNationality,
                         List<Document> documents, List<Evidence> evidence, boolean interviewRequested,
                         Boolean protectionClaimRaised) {

        public String fullName() {
            if (givenNames == null && surname == null) {
                return null; // erased
            }
            return ((givenNames == null ? "" : givenNames + " ") + (patronymic == null ? "" : patronymic + " ")
                    + (surname == null ? "" : surname)).trim();
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

        /** APPROVED, PARTIALLY_APPROVED and DEEMED_AGREED (no reply within the limit: every person counts as approved). */
        public boolean approved() {
            return !"REFUSED".equals(type);
        }

        /** Recorded by the requesting party because no reply came within the time limit: a missed reply. */
        public boolean deemedAgreed() {
            return DEEMED_AGREED.equals(type);
        }
    }

    public record TravelDocument(String personId, String documentNumber, LocalDate validUntil, boolean deadlineMet, Instant issuedAt) {
    }

    public record Transfer(Instant scheduledAt, String borderCrossingPoint, Instant handedOverAt, List<String> personIds) {
    }

    /** A consular interview: scheduled (with its target date and how it was computed), then held (or not yet). */
    public record Interview(String personId, Instant scheduledAt, String place, Deadline target, Boolean nationalityConfirmed,
                            Instant heldAt) {
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
