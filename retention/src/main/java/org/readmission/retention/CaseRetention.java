package org.readmission.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The retention of one closed case in this service: closure, outcome, until when its personal data may be kept (the
 * agreement profile's retention period), and once erased, when, whose data and which parties are still to be told
 * (an outbox in the same document). Ids, parties and dates only: no personal data.
 */
@Document("case_retention")
public class CaseRetention {

    @Id
    private String caseId;
    @Version
    private Long version;
    private String applicationId;
    private String requestingParty;
    private String requestedParty;
    private String outcome;
    private Instant closedAt;
    @Indexed
    private Instant retainUntil;
    /** The agreement profile and the period applied, e.g. "eu-az/1: 60 months from closure (ASSUMPTION)". */
    private String rule;
    /** Set when the erasure started: whose data it erases and whom to tell are recorded before anything is erased. */
    private boolean erasing;
    private Instant erasedAt;
    private List<String> erasedPersonIds = new ArrayList<>();
    /** Parties (and providers) still to receive PersonalDataErased; emptied as each notice is on Kafka. */
    private List<String> pendingNotices = new ArrayList<>();
    /** Whether {@code pendingNotices} is not empty (a field the job can query). */
    private boolean noticesPending;
    private List<String> notifiedParties = new ArrayList<>();
    private List<String> handledEventIds = new ArrayList<>();

    CaseRetention() {
    }

    static CaseRetention of(String caseId) {
        CaseRetention retention = new CaseRetention();
        retention.caseId = caseId;
        return retention;
    }

    /** The case was closed: its retention runs from the closure (a later closure of the same case replaces it). */
    void closed(CaseClosure closure, Instant retainUntil, String rule) {
        if (erasedAt != null) {
            return;
        }
        applicationId = closure.applicationId();
        requestingParty = closure.requestingParty();
        requestedParty = closure.requestedParty();
        outcome = closure.outcome();
        closedAt = closure.closedAt();
        this.retainUntil = retainUntil;
        this.rule = rule;
    }

    /**
     * The erasure starts: whose data goes and whom to tell (the parties and the providers that held data; nobody when
     * the service held nothing of the case) are recorded first, so a run that fails halfway still knows it after the
     * referrals are blanked. Kept from the first attempt.
     */
    void erasing(List<String> personIds, List<String> toNotify) {
        if (erasing) {
            return;
        }
        erasing = true;
        erasedPersonIds = new ArrayList<>(personIds);
        pendingNotices = new ArrayList<>(toNotify.stream().distinct().toList());
        noticesPending = !pendingNotices.isEmpty();
    }

    boolean erasingStarted() {
        return erasing;
    }

    /** The data is gone: the notices may go out. */
    void erased(Instant at) {
        if (erasedAt == null) {
            erasedAt = at;
        }
    }

    void notified(String party) {
        pendingNotices.remove(party);
        noticesPending = !pendingNotices.isEmpty();
        if (!notifiedParties.contains(party)) {
            notifiedParties.add(party);
        }
    }

    boolean handled(String ceId) {
        return handledEventIds.contains(ceId);
    }

    void markHandled(String ceId) {
        handledEventIds.add(ceId);
    }

    public String caseId() { return caseId; }
    public String applicationId() { return applicationId; }
    public String requestingParty() { return requestingParty; }
    public String requestedParty() { return requestedParty; }
    public String outcome() { return outcome; }
    public Instant closedAt() { return closedAt; }
    public Instant retainUntil() { return retainUntil; }
    public String rule() { return rule; }
    public Instant erasedAt() { return erasedAt; }
    public List<String> erasedPersonIds() { return List.copyOf(erasedPersonIds); }
    public List<String> pendingNotices() { return List.copyOf(pendingNotices); }
    public List<String> notifiedParties() { return List.copyOf(notifiedParties); }
}
