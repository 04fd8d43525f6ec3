package org.readmission.caseworkflow.publishing;

import static org.readmission.workflow.ReadmissionCaseProcess.Variables.EVENT_TYPE;
import static org.readmission.caseworkflow.process.CaseProcess.Variables.LOOP_COUNTER;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.PERSON_ID;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.apache.avro.Schema;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.events.EventIds;
import org.readmission.events.common.Deadline;
import org.readmission.messaging.EventPublisher;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.springframework.stereotype.Component;

/**
 * {@code publishCaseEvent}: publishes the event named by the task's {@code eventType} input, by adding it to the
 * {@link CaseEventOutbox} in the engine transaction of the step; once that transaction has committed the
 * {@link CaseEventRelay} sends it. The step is therefore not asynchronous: it needs neither a job nor the broker,
 * and a rollback of the step takes its events with it. The {@code ce_id} is derived from (case, activity, person,
 * loop counter), so a step that runs again produces the same id, which consumers de-duplicate.
 */
@Component("publishCaseEvent")
class PublishCaseEvent implements JavaDelegate {

    private final CaseFiles caseFiles;
    private final CaseEvents events;
    private final EventPublisher publisher;
    private final CaseEventOutbox outbox;
    private final CaseEventRelay relay;
    private final Clock clock;

    PublishCaseEvent(CaseFiles caseFiles, CaseEvents events, EventPublisher publisher, CaseEventOutbox outbox,
                     CaseEventRelay relay, Clock clock) {
        this.caseFiles = caseFiles;
        this.events = events;
        this.publisher = publisher;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String activityId = execution.getCurrentActivityId();
        String eventType = (String) execution.getVariable(EVENT_TYPE);
        if (eventType == null) {
            throw new IllegalStateException("case " + caseId + ", activity " + activityId
                    + ": publishCaseEvent needs the input parameter 'eventType'");
        }
        Instant now = clock.instant();
        CaseFile file = caseFiles.get(caseId);
        ProcessFacts facts = new ProcessFacts(caseId, activityId, execution::getVariable);
        for (CaseEvents.Built built : events.build(eventType, new CaseEvents.Context(file, facts, now))) {
            String ceId = eventId(caseId, activityId, facts, built.personId());
            Schema.Field deadlineField = built.event().getSchema().getField("deadline");
            Optional<CaseFile.DeadlineEntry> deadline = deadlineField == null ? Optional.empty()
                    : Optional.of(Deadlines.entryOf((Deadline) built.event().get(deadlineField.pos()), facts));
            outbox.add(publisher.encode(built.topic(), caseId, ceId, built.event(), now), eventType, activityId, deadline);
        }
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, committed -> relay.wake());
    }

    /**
     * {@code EventIds.deterministic(caseId, activityId, personId-or-"", loopCounter-or-"")}; the person is the
     * step's own ({@code personId} of a multi-instance) or the one a per-person event concerns.
     */
    static String eventId(String caseId, String activityId, ProcessFacts facts, String eventPersonId) {
        String personId = eventPersonId != null ? eventPersonId : facts.text(PERSON_ID).orElse("");
        if (facts.value(ReintegrationHandoffProcess.Variables.REFERRAL_ATTEMPT).isPresent()
                && ReintegrationHandoffProcess.Activities.PUBLISH_REFERRAL_REQUESTED.equals(activityId)) {
            // the same step publishes each re-routed referral: the attempt tells them apart
            return EventIds.deterministic(caseId, activityId, personId, String.valueOf(CaseEvents.referralAttempt(facts)));
        }
        return EventIds.deterministic(caseId, activityId, personId,
                facts.value(LOOP_COUNTER).map(String::valueOf).orElse(""));
    }
}
