package org.readmission.identity.protection;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Records every access to registry and biometric data with its purpose. */
@Component
public class AccessLog {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String actor;

    AccessLog(MongoTemplate mongo, Clock clock,
              @org.springframework.beans.factory.annotation.Value("${spring.application.name:identity-verification}") String actor) {
        this.mongo = mongo;
        this.clock = clock;
        this.actor = actor;
    }

    public void record(String caseId, String recordRef, ProtectedField field, AccessPurpose purpose, String action) {
        mongo.insert(new AccessRecord(UUID.randomUUID().toString(), clock.instant(), actor, caseId, recordRef, field,
                purpose, action));
    }

    public List<AccessRecord> ofCase(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AccessRecord.class);
    }
}
