package org.readmission.gateway.retention;

import java.time.Instant;
import java.util.List;

import org.readmission.events.AvroCodec;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.common.Person;
import org.readmission.gateway.notification.ForwardedCaseEvent;
import org.readmission.gateway.submission.Submission;
import org.readmission.gateway.submission.SubmissionSealing;
import org.readmission.gateway.submission.Submissions;
import org.readmission.retention.PersonalDataHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the gateway keeps of a case's personal data, for retention ({@link PersonalDataHolder}): the partner
 * submissions of the case (accepted ones and rejected ones naming it; payload and outbox sealed under the case's key)
 * and the case events it passed on to the parties ({@code forwarded_case_events}, outbox sealed under the case's key).
 * By the time {@link #erase} runs the case key is shredded, so the sealed values are unreadable already; erasing
 * removes them from the documents too, with anything quoting a submitted value (the violations' messages, the
 * payload's hash). Ids, parties, types, statuses, dates, positions and reason codes stay: the documents become
 * tombstones ({@link SubmissionTombstones}).
 */
@Component
class CaseSubmissionsErasure implements PersonalDataHolder {

    private static final Logger LOG = LoggerFactory.getLogger(CaseSubmissionsErasure.class);

    private final MongoTemplate mongo;
    private final Submissions submissions;
    private final SubmissionSealing sealing;
    private final AvroCodec codec;
    private final SubmissionTombstones tombstones;

    CaseSubmissionsErasure(MongoTemplate mongo, Submissions submissions, SubmissionSealing sealing, AvroCodec codec,
                           SubmissionTombstones tombstones) {
        this.mongo = mongo;
        this.tombstones = tombstones;
        this.submissions = submissions;
        this.sealing = sealing;
        this.codec = codec;
    }

    /**
     * The persons of the case's application (their ids, read from the sealed application while the key still exists),
     * when the gateway holds anything of the case; nobody besides the two parties received it from the gateway.
     */
    @Override
    public Holdings holdingsOf(String caseId) {
        Query ofCase = Query.query(Criteria.where("caseId").is(caseId));
        boolean holds = mongo.exists(ofCase, Submission.class) || mongo.exists(ofCase, ForwardedCaseEvent.class);
        return holds ? Holdings.of(personIds(caseId), List.of()) : Holdings.nothing();
    }

    private List<String> personIds(String caseId) {
        try {
            Submission application = submissions.findAcceptedApplication(caseId).orElse(null);
            if (application == null || application.payload() == null) {
                return List.of();
            }
            return codec.decode(sealing.payloadOf(application)) instanceof ReadmissionApplicationSubmitted submitted
                    ? submitted.getPersons().stream().map(Person::getPersonId).sorted().toList() : List.of();
        } catch (RuntimeException | UndecodableEventException e) {
            // the application no longer opens (e.g. a shredded key): the notice names no persons, the erasure goes on
            LOG.warn("Case {}: person ids of the application not readable ({}); the erasure notice names none", caseId,
                    e.getClass().getSimpleName());
            return List.of();
        }
    }

    /** Removes the sealed payloads and messages of the case's submissions and forwarded events. Idempotent. */
    @Override
    public void erase(String caseId, Instant at) {
        int submissionsErased = tombstones.erase(Criteria.where("caseId").is(caseId), 0, at);
        long forwardedErased = mongo.updateMulti(Query.query(Criteria.where("caseId").is(caseId).and("erasedAt").is(null)),
                new Update().set("outbox", List.of()).set("erasedAt", at), ForwardedCaseEvent.class).getModifiedCount();
        LOG.info("Case {}: {} submission(s) and {} forwarded case event(s) erased (retention period over)", caseId,
                submissionsErased, forwardedErased);
    }

    @Override
    public String scope() {
        return "PARTNER_EXCHANGE";
    }

    @Override
    public String erasedWhat() {
        return "the partner submissions of this case as the partner gateway received them, and the case messages it passed on";
    }
}
