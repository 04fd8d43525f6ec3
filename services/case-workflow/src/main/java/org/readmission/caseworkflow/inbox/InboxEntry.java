package org.readmission.caseworkflow.inbox;

import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One incoming event, kept until the process has taken it. Keyed by {@code ce_source/ce_id}, so a redelivery
 * is refused by the store. Every change is a single-document write guarded by {@link #version} (no transactions).
 * A node works on an entry only while it holds the lease ({@link #lockedUntil}).
 */
@Document("inbox")
@CompoundIndex(name = "due", def = "{'state': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "case_state", def = "{'caseId': 1, 'state': 1}")
public class InboxEntry {

    @Id
    private final String id;
    private final String ceId;
    private final String ceSource;
    private final String ceType;
    private final String messageName;
    private final String caseId;
    private final String requestingParty;
    private final String requestedParty;
    private final String origin;
    private final byte[] payload;
    private final Instant receivedAt;
    private InboxState state;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant lockedUntil;
    private String lockedBy;
    private String lastProblem;
    private String processInstanceId;
    private Instant settledAt;
    @Version
    private Long version;

    @PersistenceCreator
    InboxEntry(String id, String ceId, String ceSource, String ceType, String messageName, String caseId,
               String requestingParty, String requestedParty, String origin, byte[] payload, Instant receivedAt) {
        this.id = id;
        this.ceId = ceId;
        this.ceSource = ceSource;
        this.ceType = ceType;
        this.messageName = messageName;
        this.caseId = caseId;
        this.requestingParty = requestingParty;
        this.requestedParty = requestedParty;
        this.origin = origin;
        this.payload = payload;
        this.receivedAt = receivedAt;
    }

    /** A new entry, already leased to the node that received it so that it can correlate at once. */
    static InboxEntry received(IncomingEvent event, Instant now, String node, Duration lease) {
        InboxEntry entry = new InboxEntry(idOf(event.ceSource(), event.ceId()), event.ceId(), event.ceSource(),
                event.ceType(), event.messageName(), event.caseId(), event.requestingParty(), event.requestedParty(),
                event.origin(), event.payload(), now);
        entry.state = InboxState.PENDING;
        entry.nextAttemptAt = now;
        entry.lockedUntil = now.plus(lease);
        entry.lockedBy = node;
        return entry;
    }

    static String idOf(String ceSource, String ceId) {
        return ceSource + "/" + ceId;
    }

    boolean claimableAt(Instant now) {
        return state == InboxState.PENDING && !nextAttemptAt.isAfter(now) && !lockedUntil.isAfter(now);
    }

    void claim(String node, Instant now, Duration lease) {
        if (!claimableAt(now)) {
            throw new IllegalStateException("inbox entry " + id + " is not claimable (" + state + ")");
        }
        lockedBy = node;
        lockedUntil = now.plus(lease);
    }

    void correlated(String processInstanceId, Instant now) {
        this.attempts++;
        this.state = InboxState.CORRELATED;
        this.processInstanceId = processInstanceId;
        this.settledAt = now;
        this.lastProblem = null;
        release(now);
    }

    /** Not correlated this time: try again at {@code nextAttemptAt}. */
    void deferred(String problem, Instant now, Instant nextAttemptAt) {
        this.attempts++;
        this.lastProblem = problem;
        this.nextAttemptAt = nextAttemptAt;
        release(now);
    }

    /** Given up after the expiry period: kept, listed and counted, for a person to look at. */
    void expired(String problem, Instant now) {
        this.attempts++;
        this.state = InboxState.EXPIRED;
        this.lastProblem = problem;
        this.settledAt = now;
        release(now);
    }

    Instant expiresAt(Duration expiry) {
        return receivedAt.plus(expiry);
    }

    private void release(Instant now) {
        lockedBy = null;
        lockedUntil = now;
    }

    public String id() {
        return id;
    }

    public String ceId() {
        return ceId;
    }

    public String ceSource() {
        return ceSource;
    }

    public String ceType() {
        return ceType;
    }

    public String messageName() {
        return messageName;
    }

    public String caseId() {
        return caseId;
    }

    public String requestingParty() {
        return requestingParty;
    }

    public String requestedParty() {
        return requestedParty;
    }

    /** Where it came from: {@code topic-partition@offset}. */
    public String origin() {
        return origin;
    }

    byte[] payload() {
        return payload;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public InboxState state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastProblem() {
        return lastProblem;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant settledAt() {
        return settledAt;
    }

    String lockedBy() {
        return lockedBy;
    }
}
