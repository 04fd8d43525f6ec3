package org.readmission.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Filters;
import com.mongodb.bulk.BulkWriteError;
import org.bson.Document;

/**
 * Appends to one hash-chained, append-only chain of audit records in MongoDB. Nothing here updates or deletes.
 *
 * <p><b>One chain, however many appenders.</b> A record's id is {@code <chain>:<sequence>} (and {@code (chain,
 * sequence)} is a unique index), so two appenders can never both take a position: each appends a batch as one
 * <em>ordered</em> insert after the head it knows; when a position is taken, MongoDB stops at that record (ordered
 * insert), the records before it stay (they are validly chained), and the rest is chained again on the new head and
 * retried. Single-document atomicity is all this needs; no transaction, no lock document. In one process, appenders
 * of a chain take turns (a lock) and the head is cached, so the usual append is one round trip for a whole batch.
 * Several instances of a service may share a chain (they then retry on collisions) or each use its own
 * ({@code readmission.audit.chain}); verification walks every chain.
 */
public class AuditTrail {

    private static final int MAX_ATTEMPTS = 100;

    private final MongoCollection<Document> collection;
    private final String chain;
    private final ReentrantLock lock = new ReentrantLock();
    private long headSequence = -1;
    private String headHash;
    private long collisions;

    public AuditTrail(MongoCollection<Document> collection, String chain) {
        AuditValues.require("chain", chain, true);
        this.collection = collection;
        this.chain = chain;
    }

    /** The indexes the trail relies on (idempotent): one record per chain position, and the auditors' look-ups. */
    public static void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("chain", "sequence"), new IndexOptions().unique(true).name("chain_sequence"));
        collection.createIndex(Indexes.ascending("caseId", "at"), new IndexOptions().name("case_at"));
        collection.createIndex(Indexes.ascending("party", "at"), new IndexOptions().name("party_at"));
        collection.createIndex(Indexes.ascending("at"), new IndexOptions().name("at"));
    }

    public String chain() {
        return chain;
    }

    /** How often another appender had taken the next position, so that a batch was chained again (for metrics). */
    public long collisions() {
        lock.lock();
        try {
            return collisions;
        } finally {
            lock.unlock();
        }
    }

    public AuditRecord append(AuditEntry entry) {
        return appendAll(List.of(entry)).get(0);
    }

    /** Appends the entries in their order, in as few round trips as possible; returns them as chained and stored. */
    public List<AuditRecord> appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        lock.lock();
        try {
            List<AuditRecord> stored = new ArrayList<>(entries.size());
            List<AuditEntry> remaining = entries;
            if (headHash == null) {
                readHead();
            }
            for (int attempt = 1; ; attempt++) {
                List<AuditRecord> records = chainOnHead(remaining);
                int inserted = insertOrdered(records);
                stored.addAll(records.subList(0, inserted));
                if (inserted == records.size()) {
                    AuditRecord last = records.get(records.size() - 1);
                    headSequence = last.sequence();
                    headHash = last.hash();
                    return stored;
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new IllegalStateException("audit chain '" + chain + "': could not append after " + MAX_ATTEMPTS
                            + " attempts, other appenders kept taking the next position");
                }
                collisions++;
                remaining = remaining.subList(inserted, remaining.size());
                readHead();
            }
        } finally {
            lock.unlock();
        }
    }

    private List<AuditRecord> chainOnHead(List<AuditEntry> entries) {
        List<AuditRecord> records = new ArrayList<>(entries.size());
        long sequence = headSequence;
        String previous = headHash;
        for (AuditEntry entry : entries) {
            AuditRecord record = AuditRecord.chained(chain, ++sequence, previous, entry);
            records.add(record);
            previous = record.hash();
        }
        return records;
    }

    /** Inserts in order; returns how many were inserted before a position turned out to be taken. */
    private int insertOrdered(List<AuditRecord> records) {
        try {
            collection.insertMany(records.stream().map(AuditDocuments::toDocument).toList(), new InsertManyOptions().ordered(true));
            return records.size();
        } catch (MongoBulkWriteException e) {
            BulkWriteError first = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return first.getIndex();
        }
    }

    private void readHead() {
        Document head = collection.find(Filters.eq("chain", chain)).sort(Sorts.descending("sequence")).limit(1)
                .projection(new Document("sequence", 1).append("hash", 1)).first();
        headSequence = head == null ? 0 : ((Number) head.get("sequence")).longValue();
        headHash = head == null ? AuditRecord.GENESIS : head.getString("hash");
    }
}
