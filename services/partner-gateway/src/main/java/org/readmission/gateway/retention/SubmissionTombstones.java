package org.readmission.gateway.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.readmission.gateway.submission.Submission;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Turns stored submissions into tombstones: the payload (sealed), its hash, the outbox (sealed messages, relayed long
 * ago) and the violations' messages (a message may quote a submitted value, e.g. a date of birth) go; ids, sender,
 * parties, type, status, dates, position, headers and reason codes with their fields stay, with {@code erasedAt}.
 * The documents are read as raw BSON, never through the mapping (that would try to open sealed values). Idempotent.
 */
@Component
class SubmissionTombstones {

    private final MongoTemplate mongo;

    SubmissionTombstones(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Erases the submissions that {@code criteria} selects and that are not erased yet, at most {@code limit} (0 = all). */
    int erase(Criteria criteria, int limit, Instant at) {
        Query query = Query.query(new Criteria().andOperator(criteria, Criteria.where("erasedAt").is(null))).limit(limit);
        query.fields().include("_id").include("violations");
        String collection = mongo.getCollectionName(Submission.class);
        int erased = 0;
        for (Document stored : mongo.find(query, Document.class, collection)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(stored.get("_id")).and("erasedAt").is(null)), new Update()
                    .unset("payload").unset("contentHash").set("outbox", List.of())
                    .set("violations", withoutMessages(stored.getList("violations", Document.class)))
                    .set("caseSealed", false).set("erasedAt", at), collection);
            erased++;
        }
        return erased;
    }

    private static List<Document> withoutMessages(List<Document> violations) {
        List<Document> kept = new ArrayList<>();
        if (violations != null) {
            for (Document violation : violations) {
                kept.add(new Document("code", violation.get("code")).append("field", violation.get("field")));
            }
        }
        return kept;
    }
}
