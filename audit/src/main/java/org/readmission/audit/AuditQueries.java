package org.readmission.audit;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The auditors' look-ups: records by case, party and time, oldest first. */
public class AuditQueries {

    private final MongoCollection<Document> collection;

    public AuditQueries(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public List<AuditRecord> find(AuditQuery query) {
        List<Bson> filters = new ArrayList<>();
        if (query.caseId() != null) {
            filters.add(Filters.eq("caseId", query.caseId()));
        }
        if (query.party() != null) {
            filters.add(Filters.eq("party", query.party()));
        }
        if (query.chain() != null) {
            filters.add(Filters.eq("chain", query.chain()));
        }
        if (query.from() != null) {
            filters.add(Filters.gte("at", java.util.Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("at", java.util.Date.from(query.to())));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<AuditRecord> records = new ArrayList<>();
        collection.find(filter).sort(Sorts.ascending("at", "chain", "sequence")).limit(query.limit())
                .forEach(d -> records.add(AuditDocuments.fromDocument(d)));
        return records;
    }
}
