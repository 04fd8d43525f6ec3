package org.readmission.caseview.cases;

import java.util.Optional;

import org.readmission.protection.BlindIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
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
        CaseIndexEntry entry = CaseIndexEntry.of(saved, blindIndex);
        mongo.save(entry);
        if (entry.taskGroups().isEmpty()) {
            mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(entry.caseId())), CaseIndex.TASKS);
        } else {
            mongo.save(entry.withoutSearchKeys(), CaseIndex.TASKS);
        }
        return saved;
    }

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

    public void dropAll() {
        mongo.dropCollection(CaseFile.class);
        mongo.dropCollection(CaseIndexEntry.class);
        mongo.dropCollection(CaseIndex.TASKS);
    }
}
