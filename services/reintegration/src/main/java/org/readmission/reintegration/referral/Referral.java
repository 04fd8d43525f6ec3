package org.readmission.reintegration.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.readmission.events.EventIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The reintegration of one returned person of a case: one document holds the state, the support plan, the follow-ups,
 * the ce_ids already handled and the events still to publish, so every change is atomic without transactions.
 *
 * <p>The person's data (priority, needs, vulnerabilities, region, notes, follow-up notes) is not stored in clear: it
 * is sealed under the case's own key by {@link ReferralSealing} on every save ({@code personalData}), so shredding
 * the case key after the retention period leaves nothing readable. After {@link #erase} only ids, parties and the
 * time of erasure remain.
 */
@Document("referrals")
public class Referral {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String caseId;
    private String applicationId;
    private String requestingParty;
    private String requestedParty;
    private String personId;
    private ReferralState state;
    @Transient
    private String priority;
    @Transient
    private List<String> needs = new ArrayList<>();
    @Transient
    private List<String> vulnerabilities = new ArrayList<>();
    @Transient
    private String region;
    private int attempt;
    @Indexed
    private String provider;
    private List<String> triedProviders = new ArrayList<>();
    private Instant supportPlanAgreedAt;
    /** Stored without their notes, which are sealed with the rest of the person's data (same order). */
    private List<FollowUpRecord> followUps = new ArrayList<>();
    @Transient
    private List<String> followUpNotes = new ArrayList<>();
    @Transient
    private List<String> notes = new ArrayList<>();
    private String outcome;
    private boolean restricted;
    private Instant updatedAt;
    /** When the person's data was erased (retention period over); null before. */
    private Instant erasedAt;
    private List<String> handledEventIds = new ArrayList<>();
    private List<PendingEvent> pending = new ArrayList<>();

    Referral() {
    }

    static String idOf(String caseId, String personId) {
        return caseId + "/" + personId;
    }

    static Referral of(ReferralRequest request) {
        Referral referral = new Referral();
        referral.id = idOf(request.caseId(), request.personId());
        referral.caseId = request.caseId();
        referral.personId = request.personId();
        return referral;
    }

    /** A request for a new attempt: the details are (re)taken, earlier providers are left out. */
    boolean takes(ReferralRequest request) {
        if (state == ReferralState.CONSENT_WITHDRAWN || state == ReferralState.CLOSED || state == ReferralState.ERASED
                || request.attempt() <= attempt) {
            return false;
        }
        applicationId = request.applicationId();
        requestingParty = request.requestingParty();
        requestedParty = request.requestedParty();
        priority = request.priority();
        needs = new ArrayList<>(request.needs());
        vulnerabilities = new ArrayList<>(request.vulnerabilities());
        region = request.region();
        attempt = request.attempt();
        if (provider != null && !triedProviders.contains(provider)) {
            triedProviders.add(provider);
        }
        provider = null;
        return true;
    }

    void offerTo(Optional<String> chosen, Instant now) {
        provider = chosen.orElse(null);
        state = chosen.isPresent() ? ReferralState.OFFERED : ReferralState.NO_PROVIDER;
        pending.add(new PendingEvent(PendingEvent.Kind.PROVIDER_ASSIGNED,
                EventIds.deterministic(id, "provider-assigned", String.valueOf(attempt)), provider, attempt,
                List.copyOf(triedProviders), now));
        chosen.ifPresent(code -> pending.add(new PendingEvent(PendingEvent.Kind.REFERRAL_OFFERED,
                EventIds.deterministic(id, "referral-offered", String.valueOf(attempt)), code, attempt, List.of(), now)));
        updatedAt = now;
    }

    /** A provider's report. */
    void record(String stage, String note, Instant at) {
        if (state == ReferralState.ERASED) {
            return;
        }
        switch (stage) {
            case "ACCEPTED" -> state = ReferralState.ACCEPTED;
            case "DECLINED" -> state = ReferralState.DECLINED;
            case "SUPPORT_PLAN_AGREED" -> {
                state = ReferralState.IN_SUPPORT;
                supportPlanAgreedAt = at;
            }
            case "FOLLOW_UP_ARRIVAL", "FOLLOW_UP_3_MONTHS", "FOLLOW_UP_6_MONTHS" -> {
                state = ReferralState.IN_SUPPORT;
                followUps.add(new FollowUpRecord(stage, at, null));
                followUpNotes.add(note);
            }
            case "CLOSED" -> state = ReferralState.CLOSED;
            default -> {
                // OTHER: only the note is kept
            }
        }
        if (note != null && !note.isBlank() && !stage.startsWith("FOLLOW_UP")) {
            notes.add(note);
        }
        updatedAt = at;
    }

    /**
     * Consent withdrawn: everything stops, needs, vulnerabilities, region and notes are erased (the ids stay, so the
     * withdrawal itself can be proven). The provider is told; a withdrawal a provider reported is passed on.
     */
    void withdrawConsent(boolean reportedByProvider, Instant at) {
        if (state == ReferralState.CONSENT_WITHDRAWN || state == ReferralState.ERASED) {
            return;
        }
        state = ReferralState.CONSENT_WITHDRAWN;
        restrict();
        if (reportedByProvider) {
            pending.add(new PendingEvent(PendingEvent.Kind.CONSENT_WITHDRAWAL_REPORTED,
                    EventIds.deterministic(id, "consent-withdrawn"), provider, attempt, List.of(), at));
        } else if (provider != null) {
            pending.add(new PendingEvent(PendingEvent.Kind.PROVIDER_TOLD_CONSENT_WITHDRAWN,
                    EventIds.deterministic(id, "provider-told-consent-withdrawn"), provider, attempt, List.of(), at));
        }
        updatedAt = at;
    }

    void close(String outcome, Instant at) {
        if (state == ReferralState.ERASED) {
            return;
        }
        if (state != ReferralState.CONSENT_WITHDRAWN) {
            state = ReferralState.CLOSED;
        }
        this.outcome = outcome;
        updatedAt = at;
    }

    private void restrict() {
        needs = new ArrayList<>();
        vulnerabilities = new ArrayList<>();
        region = null;
        notes = new ArrayList<>();
        followUps.replaceAll(followUp -> new FollowUpRecord(followUp.stage(), followUp.reportedAt(), null));
        followUpNotes.replaceAll(note -> null);
        restricted = true;
        outcome = "CONSENT_WITHDRAWN";
    }

    /**
     * The case's retention period is over: everything about the person goes (the sealed data with the case key, which
     * the caller shreds, and the clear facts: state, provider, dates, follow-ups, outcome, events not yet relayed).
     * What stays is the ids, the parties, the ce_ids handled (so a redelivered event changes nothing) and when.
     * Idempotent.
     */
    void erase(Instant at) {
        if (state == ReferralState.ERASED) {
            return;
        }
        state = ReferralState.ERASED;
        forgetPersonalData();
        provider = null;
        triedProviders = new ArrayList<>();
        supportPlanAgreedAt = null;
        followUps = new ArrayList<>();
        followUpNotes = new ArrayList<>();
        outcome = null;
        restricted = true;
        pending = new ArrayList<>();
        erasedAt = at;
        updatedAt = at;
    }

    /** The sealed data cannot be read any more (the case key was shredded): the referral holds none of it. */
    void forgetPersonalData() {
        priority = null;
        needs = new ArrayList<>();
        vulnerabilities = new ArrayList<>();
        region = null;
        notes = new ArrayList<>();
        followUpNotes.replaceAll(note -> null);
    }

    /** What {@link ReferralSealing} seals: the person's data, never stored in clear. */
    ReferralPersonalData personalData() {
        return new ReferralPersonalData(priority, needs, vulnerabilities, region, notes, followUpNotes);
    }

    /** The data unsealed after reading; follow-up notes are matched to the stored follow-ups by position. */
    void restore(ReferralPersonalData data) {
        priority = data.priority();
        needs = new ArrayList<>(data.needs());
        vulnerabilities = new ArrayList<>(data.vulnerabilities());
        region = data.region();
        notes = new ArrayList<>(data.notes());
        followUpNotes = new ArrayList<>(data.followUpNotes());
        while (followUpNotes.size() < followUps.size()) {
            followUpNotes.add(null);
        }
        followUps.replaceAll(followUp -> new FollowUpRecord(followUp.stage(), followUp.reportedAt(), null));
    }

    boolean erased() {
        return state == ReferralState.ERASED;
    }

    boolean handled(String ceId) {
        return handledEventIds.contains(ceId);
    }

    void markHandled(String ceId) {
        handledEventIds.add(ceId);
    }

    void relayed(PendingEvent event) {
        pending.removeIf(p -> p.ceId().equals(event.ceId()));
    }

    public String id() { return id; }
    public String caseId() { return caseId; }
    public String applicationId() { return applicationId; }
    public String requestingParty() { return requestingParty; }
    public String requestedParty() { return requestedParty; }
    public String personId() { return personId; }
    public ReferralState state() { return state; }
    public String priority() { return priority; }
    public List<String> needs() { return List.copyOf(needs); }
    public List<String> vulnerabilities() { return List.copyOf(vulnerabilities); }
    public String region() { return region; }
    public int attempt() { return attempt; }
    public String provider() { return provider; }
    public List<String> triedProviders() { return List.copyOf(triedProviders); }
    public Instant supportPlanAgreedAt() { return supportPlanAgreedAt; }
    public List<FollowUpRecord> followUps() {
        List<FollowUpRecord> withNotes = new ArrayList<>();
        for (int i = 0; i < followUps.size(); i++) {
            FollowUpRecord followUp = followUps.get(i);
            String note = i < followUpNotes.size() && followUpNotes.get(i) != null ? followUpNotes.get(i) : followUp.note();
            withNotes.add(new FollowUpRecord(followUp.stage(), followUp.reportedAt(), note));
        }
        return List.copyOf(withNotes);
    }
    public List<String> notes() { return List.copyOf(notes); }
    public String outcome() { return outcome; }
    public boolean restricted() { return restricted; }
    public Instant updatedAt() { return updatedAt; }
    public Instant erasedAt() { return erasedAt; }
    public List<PendingEvent> pending() { return List.copyOf(pending); }
}
