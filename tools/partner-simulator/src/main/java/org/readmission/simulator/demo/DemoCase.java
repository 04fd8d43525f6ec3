package org.readmission.simulator.demo;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.readmission.events.common.Person;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;

/** A demo case while it is driven: its plan, its application, its case id once known, and how far it got. */
final class DemoCase {

    private final DemoPlan.PlannedCase plan;
    private final ReadmissionApplicationSubmitted application;
    private final Set<String> stepsDone = ConcurrentHashMap.newKeySet();
    private volatile String caseId;
    private volatile boolean reached;
    private volatile String where = "sent";

    DemoCase(DemoPlan.PlannedCase plan, ReadmissionApplicationSubmitted application) {
        this.plan = plan;
        this.application = application;
    }

    DemoState target() {
        return plan.target();
    }

    DemoPlan.PlannedCase plan() {
        return plan;
    }

    ReadmissionApplicationSubmitted application() {
        return application;
    }

    String applicationId() {
        return application.getApplicationId();
    }

    String requesting() {
        return application.getRequestingParty().getValue();
    }

    String requested() {
        return application.getRequestedParty().getValue();
    }

    List<String> personIds() {
        return application.getPersons().stream().map(Person::getPersonId).toList();
    }

    boolean partial() {
        return !target().refused() && plan.partialIfFamily() && personIds().size() >= 2;
    }

    /** The persons refused: all when refusing, the last one of a family approved in part, else none. */
    Set<String> refusedPersonIds() {
        List<String> ids = personIds();
        return target().refused() ? Set.copyOf(ids) : partial() ? Set.of(ids.get(ids.size() - 1)) : Set.of();
    }

    List<String> approvedPersonIds() {
        Set<String> refused = refusedPersonIds();
        return personIds().stream().filter(id -> !refused.contains(id)).toList();
    }

    String caseId() {
        return caseId;
    }

    void caseId(String caseId) {
        this.caseId = caseId;
    }

    /** True the first time a step (a message, a task) is taken for this case. */
    boolean firstTime(String step) {
        return stepsDone.add(step);
    }

    boolean reached() {
        return reached;
    }

    void reach(String where) {
        this.where = where;
        this.reached = true;
    }

    String where() {
        return where;
    }

    void at(String where) {
        if (!reached) {
            this.where = where;
        }
    }
}
