package org.readmission.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

/**
 * Walks a chain from its first record and reports the first broken link: a record whose content no longer matches
 * its hash (changed), a gap in the sequence (deleted), a second record at a position or one that does not link to
 * its predecessor (inserted), a record stored under another position than its own (moved, reordered).
 *
 * <p>What a hash chain cannot show by itself: removal of the newest records, or a whole tail rewritten by someone
 * who recomputes every hash. Against both, keep the head reported by a verification somewhere else (a ticket, a
 * report to the supervisory authority) and pass it back as an anchor: the chain must still hold that record.
 */
public class AuditVerification {

    private final MongoCollection<Document> collection;

    public AuditVerification(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Verifies every chain in the collection. */
    public List<ChainReport> verifyAll() {
        List<ChainReport> reports = new ArrayList<>();
        for (String chain : collection.distinct("chain", String.class)) {
            reports.add(verify(chain, null));
        }
        return reports;
    }

    public ChainReport verify(String chain) {
        return verify(chain, null);
    }

    /** @param anchor a head seen earlier, which the chain must still contain unchanged (null: none) */
    public ChainReport verify(String chain, Anchor anchor) {
        long count = 0;
        AuditRecord previous = null;
        boolean anchorSeen = anchor == null;
        try (MongoCursor<Document> cursor = collection.find(Filters.eq("chain", chain))
                .sort(Sorts.ascending("sequence", "_id")).iterator()) {
            while (cursor.hasNext()) {
                AuditRecord record = AuditDocuments.fromDocument(cursor.next());
                Optional<Break> broken = check(chain, previous, record);
                if (broken.isPresent()) {
                    return new ChainReport(chain, count, previous, broken.get());
                }
                if (anchor != null && record.sequence() == anchor.sequence()) {
                    if (!record.hash().equals(anchor.hash())) {
                        return new ChainReport(chain, count, previous, new Break(BreakKind.ANCHOR_MISMATCH, record.sequence(), record.id(),
                                "the record at sequence " + record.sequence() + " is not the one of the anchor: the chain was rewritten up to here"));
                    }
                    anchorSeen = true;
                }
                previous = record;
                count++;
            }
        }
        if (!anchorSeen) {
            return new ChainReport(chain, count, previous, new Break(BreakKind.MISSING, anchor.sequence(), AuditRecord.idOf(chain, anchor.sequence()),
                    "the chain ends before the anchor's sequence " + anchor.sequence() + ": its newest records were removed"));
        }
        return new ChainReport(chain, count, previous, null);
    }

    private static Optional<Break> check(String chain, AuditRecord previous, AuditRecord record) {
        long expected = previous == null ? 1 : previous.sequence() + 1;
        if (previous != null && record.sequence() == previous.sequence()) {
            return Optional.of(new Break(BreakKind.INSERTED, record.sequence(), record.id(),
                    "two records claim sequence " + record.sequence() + " (" + previous.id() + ", " + record.id() + "): one was inserted"));
        }
        if (record.sequence() > expected) {
            return Optional.of(new Break(BreakKind.MISSING, expected, AuditRecord.idOf(chain, expected),
                    "sequence " + expected + (record.sequence() - 1 > expected ? " to " + (record.sequence() - 1) : "")
                            + " missing: record(s) deleted before " + record.id()));
        }
        if (!AuditRecord.idOf(chain, record.sequence()).equals(record.id())) {
            return Optional.of(new Break(BreakKind.REORDERED, record.sequence(), record.id(),
                    "record " + record.id() + " now claims sequence " + record.sequence() + ": records were moved or reordered"));
        }
        if (!record.computeHash().equals(record.hash())) {
            return Optional.of(new Break(BreakKind.CHANGED, record.sequence(), record.id(),
                    "record " + record.id() + " does not match its hash: a field was changed after it was written"));
        }
        String expectedPrevious = previous == null ? AuditRecord.GENESIS : previous.hash();
        if (!expectedPrevious.equals(record.previousHash())) {
            return Optional.of(new Break(BreakKind.INSERTED, record.sequence(), record.id(),
                    "record " + record.id() + " does not link to the record before it: it was inserted or replaced"));
        }
        return Optional.empty();
    }

    /** How a chain is broken. */
    public enum BreakKind { CHANGED, MISSING, INSERTED, REORDERED, ANCHOR_MISMATCH }

    /** The first broken link of a chain. */
    public record Break(BreakKind kind, long sequence, String recordId, String message) {
    }

    /** A record seen earlier ({@code <chain>:<sequence>:<hash>}, as a verification prints it) that must still be there. */
    public record Anchor(String chain, long sequence, String hash) {

        public static Anchor parse(String text) {
            int hashAt = text.lastIndexOf(':');
            int sequenceAt = text.lastIndexOf(':', hashAt - 1);
            if (hashAt < 0 || sequenceAt < 0) {
                throw new IllegalArgumentException("an anchor is <chain>:<sequence>:<hash>, as printed by a verification");
            }
            return new Anchor(text.substring(0, sequenceAt), Long.parseLong(text.substring(sequenceAt + 1, hashAt)), text.substring(hashAt + 1));
        }

        @Override
        public String toString() {
            return chain + ":" + sequence + ":" + hash;
        }
    }

    /**
     * What a verification found: how many records are intact up to the first break, the last intact record (the head,
     * when the chain is intact), and the break if any.
     */
    public record ChainReport(String chain, long intactRecords, AuditRecord lastIntact, Break broken) {

        public boolean intact() {
            return broken == null;
        }

        /** The head as an anchor for a later verification; null for an empty chain. */
        public Anchor head() {
            return lastIntact == null ? null : new Anchor(chain, lastIntact.sequence(), lastIntact.hash());
        }

        /** One line for people: intact with its head, or where and how it is broken. */
        public String summary() {
            if (intact()) {
                return "chain " + chain + ": intact, " + intactRecords + " record(s)" + (head() == null ? "" : ", head " + head());
            }
            return "chain " + chain + ": BROKEN at sequence " + broken.sequence() + " (" + broken.kind() + "): " + broken.message()
                    + "; " + intactRecords + " record(s) intact before it";
        }
    }
}
