package org.readmission.caseview.cases;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The whole case file, for the case page: only ever found within the caller's {@link PartyScope}. */
@Component
public class CaseFiles {

    private final MongoTemplate mongo;

    public CaseFiles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The case, if it exists and the scope's party takes part in it (otherwise empty: the page answers 404). */
    public Optional<CaseFile> find(String caseId, PartyScope scope) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(caseId), scope.criteria()));
        return Optional.ofNullable(mongo.findOne(query, CaseFile.class));
    }
}
