package org.readmission.caseworkflow.inbox;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.partner.PersonalDataCorrected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Incoming events for the process: stored first (one document per {@code ce_source/ce_id}; a redelivery is
 * refused by the store and changes nothing), then correlated; what cannot be correlated yet stays PENDING and is
 * retried with back-off until it correlates or expires. Nothing is dropped.
 */
@Service
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);
    private static final int MAX_PROBLEM_LENGTH = 500;

    private final InboxEntries entries;
    private final MongoTemplate mongo;
    private final CorrelationRequests requests;
    private final ProcessCorrelator correlator;
    private final ApplicationEventPublisher events;
    private final InboxMetrics metrics;
    private final InboxProperties properties;
    private final CasesWithPendingEntries pendingCases;
    private final InboxPayloads payloads;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    Inbox(InboxEntries entries, MongoTemplate mongo, CorrelationRequests requests, ProcessCorrelator correlator,
          ApplicationEventPublisher events, InboxMetrics metrics, InboxProperties properties,
          CasesWithPendingEntries pendingCases, InboxPayloads payloads, Clock clock) {
        this.pendingCases = pendingCases;
        this.payloads = payloads;
        this.entries = entries;
        this.mongo = mongo;
        this.requests = requests;
        this.correlator = correlator;
        this.events = events;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    enum Receipt { STORED, DUPLICATE }

    /**
     * Stores the event, its payload sealed under the case key (leased to this node), and tries to correlate it at
     * once. An event of a case erased after its retention period is refused (CaseKeyShreddedException).
     */
    Receipt receive(IncomingEvent event) {
        InboxEntry entry = InboxEntry.received(payloads.sealed(event), clock.instant(), node, properties.lease());
        try {
            entry = entries.insert(entry);
        } catch (DuplicateKeyException e) {
            log.debug("case {}: {} {} already in the inbox, ignored", event.caseId(), event.ceType(), event.ceId());
            metrics.received("duplicate", event.ceType());
            return Receipt.DUPLICATE;
        }
        metrics.received("stored", event.ceType());
        attempt(entry, false);
        return Receipt.STORED;
    }

    /** Retries the entries that are due (oldest first); returns how many it attempted. */
    int retryDue() {
        Instant now = clock.instant();
        List<InboxEntry> due = entries.findByStateAndNextAttemptAtLessThanEqualAndLockedUntilLessThanEqualOrderByNextAttemptAtAsc(
                InboxState.PENDING, now, now, PageRequest.of(0, properties.batchSize()));
        int attempted = 0;
        for (InboxEntry entry : due) {
            if (!entry.claimableAt(now)) {
                continue;
            }
            InboxEntry claimed;
            try {
                entry.claim(node, now, properties.lease());
                claimed = entries.save(entry);
            } catch (OptimisticLockingFailureException e) {
                continue; // another node or the listener took it
            }
            attempt(claimed, true);
            attempted++;
        }
        return attempted;
    }

    /** The process of a case moved on: its pending entries are due now. */
    @EventListener
    void on(CaseMovedOn moved) {
        if (!pendingCases.takeForWakeUp(moved.caseId())) {
            return; // nothing of this case waits here
        }
        Instant now = clock.instant();
        mongo.updateMulti(Query.query(Criteria.where("caseId").is(moved.caseId())
                        .and("state").is(InboxState.PENDING).and("nextAttemptAt").gt(now)),
                Update.update("nextAttemptAt", now), InboxEntry.class);
    }

    public Optional<OpenReadmissionCase> openCaseCommand(String entryId) {
        return entries.findById(entryId).map(requests::payloadOf)
                .filter(OpenReadmissionCase.class::isInstance).map(OpenReadmissionCase.class::cast);
    }

    /** The case's retention period is over: its entries keep ids, states and dates only. */
    public void erase(String caseId, Instant at) {
        payloads.erase(caseId, at);
    }

    /** The correction a {@code PersonalDataCorrected} submission kept in the inbox carries. */
    public Optional<PersonalDataCorrected> correction(String entryId) {
        return entries.findById(entryId).map(requests::payloadOf)
                .filter(RecordPartnerSubmission.class::isInstance).map(RecordPartnerSubmission.class::cast)
                .map(RecordPartnerSubmission::getPayload)
                .filter(PersonalDataCorrected.class::isInstance).map(PersonalDataCorrected.class::cast);
    }

    public List<InboxEntry> list(InboxState state, int limit) {
        return entries.findByStateOrderByReceivedAtAsc(state, PageRequest.of(0, limit));
    }

    public List<InboxEntry> listOfCase(String caseId, int limit) {
        return entries.findByCaseIdOrderByReceivedAtAsc(caseId, PageRequest.of(0, limit));
    }

    /**
     * @param mayHaveBeenDelivered false only right after the entry was first stored: nothing can have delivered it
     *                             yet, so the engine need not be asked for its delivery marker
     */
    private void attempt(InboxEntry entry, boolean mayHaveBeenDelivered) {
        String problem;
        try {
            CorrelationRequest request = requests.requestFor(entry);
            ProcessCorrelator.Outcome outcome = correlator.correlate(entry, request, mayHaveBeenDelivered);
            if (outcome instanceof ProcessCorrelator.Correlated correlated) {
                settleCorrelated(entry, correlated);
                return;
            }
            problem = ((ProcessCorrelator.NotAtWaitState) outcome).reason();
        } catch (RuntimeException e) {
            // the engine or a store is unavailable, or a listener failed: retried like a mismatch
            problem = "correlation failed: " + e;
            log.info("case {}: {} {} not correlated this time: {}", entry.caseId(), entry.ceType(), entry.ceId(), e.toString());
        }
        settleNotCorrelated(entry, problem);
    }

    private void settleCorrelated(InboxEntry entry, ProcessCorrelator.Correlated correlated) {
        SpecificRecord payload = requests.payloadOf(entry);
        events.publishEvent(new InboxEntryCorrelated(entry.caseId(), entry.ceId(), entry.ceType(), entry.messageName(),
                payload, correlated.processInstanceId()));
        entry.correlated(correlated.processInstanceId(), clock.instant());
        save(entry);
        metrics.attempted("correlated");
        if (correlated.earlier()) {
            log.info("case {}: {} {} had been correlated before (process instance {}); entry marked",
                    entry.caseId(), entry.messageName(), entry.ceId(), correlated.processInstanceId());
        }
    }

    private void settleNotCorrelated(InboxEntry entry, String problem) {
        Instant now = clock.instant();
        String shortProblem = problem == null ? "" : problem.length() > MAX_PROBLEM_LENGTH
                ? problem.substring(0, MAX_PROBLEM_LENGTH) + "…" : problem;
        Instant expiresAt = entry.expiresAt(properties.expiry());
        if (!now.isBefore(expiresAt)) {
            entry.expired(shortProblem, now);
            if (save(entry)) {
                metrics.attempted("expired");
                log.warn("case {}: {} (ce_id {}, from {}) EXPIRED after {} attempts since {}: {} — see GET /api/v1/inbox?state=EXPIRED",
                        entry.caseId(), entry.messageName(), entry.ceId(), entry.ceSource(), entry.attempts(),
                        entry.receivedAt(), shortProblem);
            }
            return;
        }
        entry.deferred(shortProblem, now, properties.nextAttempt(now, entry.attempts() + 1, expiresAt));
        if (save(entry)) {
            pendingCases.deferred(entry.caseId());
            metrics.attempted("deferred");
            log.debug("case {}: {} {} pending (attempt {}), next attempt at {}", entry.caseId(), entry.messageName(),
                    entry.ceId(), entry.attempts(), entry.nextAttemptAt());
        }
    }

    private boolean save(InboxEntry entry) {
        try {
            entries.save(entry);
            return true;
        } catch (OptimisticLockingFailureException e) {
            // our lease ran out and another node took the entry over; its outcome stands
            log.info("case {}: inbox entry {} was taken over by another node", entry.caseId(), entry.id());
            return false;
        }
    }
}
