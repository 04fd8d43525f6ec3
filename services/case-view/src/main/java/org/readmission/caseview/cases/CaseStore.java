package org.readmission.caseview.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.model.Filters;
import org.readmission.protection.BlindIndex;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The projection's unscoped access to the read model: load a case by id, save it with its index row, drop
 * everything for a replay. Pages and reports never use it (they read through {@link CaseFiles} and
 * {@link CaseIndex}, which take a {@link PartyScope}); {@code ArchitectureTest} checks that. Every write goes through
 * the {@code MongoTemplate}, so {@link ReadModelEncryption} seals the sensitive fields of each document written.
 */
@Component
public class CaseStore {

    private final MongoTemplate mongo;
    private final BlindIndex blindIndex;

    public CaseStore(MongoTemplate mongo, BlindIndex blindIndex) {
        this.mongo = mongo;
        this.blindIndex = blindIndex;
    }

    public Optional<CaseFile> load(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFile.class));
    }

    /**
     * Saves the case file (optimistic: {@code @Version}, a concurrent update fails with
     * {@link org.springframework.dao.OptimisticLockingFailureException}) and then its index row. The row is derived:
     * the next save of the case, or a replay, rewrites it.
     */
    public CaseFile save(CaseFile file) {
        CaseFile saved = mongo.save(file);
        index(saved);
        return saved;
    }

    private void index(CaseFile file) {
        CaseIndexEntry entry = CaseIndexEntry.of(file, blindIndex);
        mongo.save(entry);
        if (entry.taskGroups().isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").is(entry.caseId())), CaseIndex.TASKS);
        } else {
            mongo.save(entry.withoutSearchKeys(), CaseIndex.TASKS);
        }
    }

    /** The ids of the persons the read model holds for the case (read raw: works after the case's key is shredded). */
    public Optional<List<String>> personIds(String caseId) {
        org.bson.Document file = mongo.findById(caseId, org.bson.Document.class, CASES);
        return Optional.ofNullable(file).map(f -> f.getList("persons", org.bson.Document.class, List.of()).stream()
                .map(p -> String.valueOf(p.get("personId"))).sorted().toList());
    }

    /**
     * Turns the case into its tombstone ({@link ReadModelEncryption#erase}): the stored case file loses every personal
     * field, sealed or in clear, and is marked erased; its index row loses the name, the phonetic name keys and the
     * blind-index entries of its document numbers, and it leaves the task rows. Works on the raw documents, so after
     * the case's key is shredded too; idempotent; a concurrent update of the projection fails on the version and is
     * applied again to the tombstone.
     *
     * @return whether the read model held the case
     */
    public boolean erase(String caseId, Instant at) {
        var cases = mongo.getCollection(CASES);
        for (int attempt = 1; ; attempt++) {
            org.bson.Document file = cases.find(Filters.eq("_id", caseId)).first();
            if (file == null) {
                mongo.remove(Query.query(Criteria.where("_id").is(caseId)), CaseIndex.TASKS);
                mongo.remove(Query.query(Criteria.where("_id").is(caseId)), CaseIndexEntry.class);
                return false;
            }
            Object version = file.get("version");
            ReadModelEncryption.erase(file, at);
            file.put("version", version instanceof Number n ? n.longValue() + 1 : 0L);
            var matched = cases.replaceOne(version == null ? Filters.eq("_id", caseId)
                    : Filters.and(Filters.eq("_id", caseId), Filters.eq("version", version)), file).getMatchedCount();
            if (matched == 1) {
                break;
            }
            if (attempt >= 5) {
                throw new OptimisticLockingFailureException("case " + caseId + " kept changing while it was erased");
            }
        }
        index(load(caseId).orElseThrow());
        return true;
    }

    /** The collection of the case files. */
    public static final String CASES = "cases";

    /** Bulk insert for seeding (benchmark, demo): new cases only. */
    public void insertAll(java.util.Collection<CaseFile> files) {
        mongo.insertAll(files);
        java.util.List<CaseIndexEntry> entries = files.stream().map(f -> CaseIndexEntry.of(f, blindIndex)).toList();
        mongo.insertAll(entries);
        java.util.List<CaseIndexEntry> withTasks = entries.stream().filter(e -> !e.taskGroups().isEmpty())
                .map(CaseIndexEntry::withoutSearchKeys).toList();
        if (!withTasks.isEmpty()) {
            mongo.insert(withTasks, CaseIndex.TASKS);
        }
    }

    /** Open and overdue tasks over every case (the metrics' gauges; not for pages). */
    public long[] openAndOverdueTasks(java.time.Instant now) {
        org.springframework.data.mongodb.core.query.Query query = org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("nextDueAt").exists(true));
        query.fields().include("openTasks", "nextDueAt");
        long open = 0;
        long overdue = 0;
        for (org.bson.Document row : mongo.find(query, org.bson.Document.class, CaseIndex.TASKS)) {
            java.util.List<?> tasks = row.getList("openTasks", Object.class, java.util.List.of());
            open += tasks.size();
            for (Object task : tasks) {
                Object due = ((org.bson.Document) task).get("dueAt");
                if (due instanceof java.util.Date date && date.toInstant().isBefore(now)) {
                    overdue++;
                }
            }
        }
        long withoutDue = mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("nextDueAt").is(null)
                        .and("taskGroups.0").exists(true)), CaseIndex.TASKS);
        return new long[]{open + withoutDue, overdue};
    }

    /**
     * Drops the read model for a rebuild: {@code cases}, {@code case_index}, {@code task_index}. The case keys
     * ({@code case_keys}: shredded keys stay shredded) and the retention records ({@code case_retention}: which cases
     * were erased) are not part of it and survive, so a rebuilt erased case is a tombstone again.
     */
    public void dropAll() {
        mongo.dropCollection(CaseFile.class);
        mongo.dropCollection(CaseIndexEntry.class);
        mongo.dropCollection(CaseIndex.TASKS);
    }
}
