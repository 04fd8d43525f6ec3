package org.readmission.caseworkflow.publishing;

import static org.readmission.workflow.ReadmissionCaseProcess.Variables.EVENT_TYPE;
import static org.readmission.caseworkflow.process.CaseProcess.Variables.LOOP_COUNTER;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.PERSON_ID;

import java.time.Clock;
import java.time.Instant;

import org.apache.avro.Schema;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.events.EventIds;
import org.readmission.events.common.Deadline;
import org.readmission.messaging.EventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code publishCaseEvent}: publishes the event named by the task's {@code eventType} input. The task is
 * {@code asyncBefore}, so this runs in a job: the send waits for the broker, a failure fails the job and Camunda
 * retries it. The {@code ce_id} is derived from (case, activity, person, loop counter), so a job that is re-run
 * after a crash between "sent" and "job committed" re-sends the same event with the same id, which consumers
 * de-duplicate.
 */
@Component("publishCaseEvent")
class PublishCaseEvent implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PublishCaseEvent.class);
    /** Events that say a time limit of the agreement was missed, and which one. */
    private static final java.util.Map<String, String> SLA_BREACHES = java.util.Map.of(
            "org.readmission.case.reply-time-limit-expired.v1", "reply");

    private final CaseFiles caseFiles;
    private final CaseEvents events;
    private final EventPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    PublishCaseEvent(CaseFiles caseFiles, CaseEvents events, EventPublisher publisher, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.caseFiles = caseFiles;
        this.events = events;
        this.publisher = publisher;
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
            publisher.publish(built.topic(), caseId, ceId, built.event(), now);
            Schema.Field deadlineField = built.event().getSchema().getField("deadline");
            if (deadlineField != null) {
                Deadline deadline = (Deadline) built.event().get(deadlineField.pos());
                caseFiles.recordDeadline(caseId, Deadlines.entryOf(deadline, facts));
            }
            caseFiles.recordPublished(caseId, new CaseFile.TimelineEntry(ceId, eventType, built.topic(), activityId, now));
            log.info("case {}: published {} ({}) on {}", caseId, eventType, ceId, built.topic());
            meters.counter("readmission.case.events.published", "type", built.event().getSchema().getName()).increment();
            if (SLA_BREACHES.containsKey(eventType)) {
                meters.counter("readmission.sla.breaches", "limit", SLA_BREACHES.get(eventType)).increment();
            }
        }
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
