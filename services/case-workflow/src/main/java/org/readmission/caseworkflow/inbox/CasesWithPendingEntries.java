package org.readmission.caseworkflow.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The cases this node knows to have PENDING inbox entries, so that a process moving on wakes the inbox only when
 * something of its case waits: most wait states are reached with nothing pending, and asking the store each time
 * would cost an update over the whole inbox for every user task, receive task and subprocess started. Filled at start
 * from the store (entries left pending by an earlier run) and whenever an entry is deferred; a case leaves the set
 * when it is woken (its entries are then due and retried; one that is still early is deferred and enters again).
 * Entries deferred by another node are not known here; they are retried after their back-off.
 */
@Component
class CasesWithPendingEntries {

    private final Set<String> cases = ConcurrentHashMap.newKeySet();

    CasesWithPendingEntries(MongoTemplate mongo) {
        cases.addAll(mongo.findDistinct(Query.query(Criteria.where("state").is(InboxState.PENDING)), "caseId",
                InboxEntry.class, String.class));
    }

    void deferred(String caseId) {
        cases.add(caseId);
    }

    /** True once for a case with pending entries: the caller wakes them. */
    boolean takeForWakeUp(String caseId) {
        return cases.remove(caseId);
    }
}
