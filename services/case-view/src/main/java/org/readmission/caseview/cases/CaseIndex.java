package org.readmission.caseview.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.readmission.protection.BlindIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Lists, search and statistics over the compact index rows. Every method takes the caller's {@link PartyScope} and
 * puts it into the query itself, so no page can list another party's case.
 */
@Component
public class CaseIndex {

    /**
     * The rows of the cases with an open task, kept apart from {@code case_index} (the same rows, without search keys):
     * the Mongo-wire store scans a collection for every list query, and most cases (closed, or waiting for a partner or
     * a service) have no task. Written and removed with the case ({@link CaseStore#save}).
     */
    public static final String TASKS = "task_index";

    private final MongoTemplate mongo;
    private final BlindIndex blindIndex;

    public CaseIndex(MongoTemplate mongo, BlindIndex blindIndex) {
        this.mongo = mongo;
        this.blindIndex = blindIndex;
    }

    public record Page(List<CaseIndexEntry> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** Cases with a task open for the scope's party (and role, if given), filtered, sorted and paged. */
    public Page tasks(PartyScope scope, TaskListQuery q) {
        List<Criteria> all = new ArrayList<>();
        all.add(scope.criteria());
        all.add(q.role() == null ? Criteria.where("taskParties").is(scope.party())
                : Criteria.where("taskGroups").is(scope.party() + ":" + q.role()));
        if (q.procedure() != null) {
            all.add(Criteria.where("procedure").is(q.procedure()));
        }
        if (q.state() != null) {
            all.add(Criteria.where("state").is(q.state()));
        }
        if (q.category() != null) {
            all.add(Criteria.where("category").is(q.category()));
        }
        if (q.dueBefore() != null) {
            all.add(Criteria.where("nextDueAt").lt(q.dueBefore()));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        long total = mongo.count(query, CaseIndexEntry.class, TASKS);
        Sort sort = switch (q.sort()) {
            case "received" -> Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id"));
            case "case" -> Sort.by(Sort.Order.asc("_id"));
            default -> Sort.by(Sort.Order.asc("nextDueAt"), Sort.Order.asc("_id"));
        };
        query.with(sort).skip((long) q.page() * q.size()).limit(q.size());
        return new Page(mongo.find(query, CaseIndexEntry.class, TASKS), total, q.page(), q.size());
    }

    /**
     * Search within the scope. Each given field narrows the result: the case id or partner reference (exact), every
     * word of the name (by {@link SearchKeys}), a document number (capitals and digits compared, exactly, through the
     * blind index: the entry under every key of the index keyset, so rows indexed before a key rotation are found).
     */
    public List<CaseIndexEntry> search(PartyScope scope, String caseOrReference, String name, String documentNumber, int limit) {
        if (caseOrReference != null && !caseOrReference.isBlank() && blank(name) && blank(documentNumber)) {
            // the store answers an equality on _id alone from its index; the scope is then checked on the row
            CaseIndexEntry byId = mongo.findById(caseOrReference.trim(), CaseIndexEntry.class);
            if (byId != null && scope.covers(byId.requestingParty(), byId.requestedParty())) {
                return List.of(byId);
            }
        }
        List<Criteria> all = new ArrayList<>();
        all.add(scope.criteria());
        if (caseOrReference != null && !caseOrReference.isBlank()) {
            String value = caseOrReference.trim();
            all.add(new Criteria().orOperator(Criteria.where("_id").is(value), Criteria.where("applicationId").is(value)));
        }
        if (name != null && !name.isBlank()) {
            List<String> keys = SearchKeys.ofWords(name);
            if (!keys.isEmpty()) {
                all.add(Criteria.where("nameKeys").all(keys));
            }
        }
        if (documentNumber != null && !documentNumber.isBlank()) {
            all.add(Criteria.where("documentIndex").in(
                    blindIndex.candidates(SearchKeys.DOCUMENT_NUMBER_INDEX, SearchKeys.documentNumber(documentNumber))));
        }
        if (all.size() == 1) {
            return List.of();
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)))
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(query, CaseIndexEntry.class);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Every case of the scope (statistics). */
    public List<CaseIndexEntry> all(PartyScope scope) {
        Query query = Query.query(scope.criteria());
        query.fields().exclude("nameKeys", "documentIndex", "mainPersonName");
        return mongo.find(query, CaseIndexEntry.class);
    }

    /** The rows of the given cases, within the scope (the cases behind a figure). */
    public List<CaseIndexEntry> byIds(PartyScope scope, Collection<String> caseIds) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").in(caseIds), scope.criteria()))
                .with(Sort.by("_id"));
        return mongo.find(query, CaseIndexEntry.class);
    }
}
