package org.readmission.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.audit.AuditVerification.BreakKind;
import org.readmission.audit.AuditVerification.ChainReport;
import org.readmission.testing.MongoWireTestServer;

/** The chain on the Mongo-wire store over TCP: appends, every kind of tampering, concurrent appenders, the command. */
class AuditTrailTest {

    private static final String CHAIN = "partner-gateway";

    private MongoCollection<Document> collection;
    private AuditTrail trail;
    private AuditVerification verification;

    @BeforeEach
    void freshTrail() {
        collection = AuditTrails.freshCollection();
        trail = new AuditTrail(collection, CHAIN);
        verification = new AuditVerification(collection);
    }

    @Test
    void chainsEveryRecordToItsPredecessor() {
        List<AuditRecord> first = trail.appendAll(AuditTrails.received(3, "a"));
        AuditRecord fourth = trail.append(AuditTrails.received("b-1", "RC-000000000001"));

        assertThat(first).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L);
        assertThat(first.get(0).previousHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(first.get(1).previousHash()).isEqualTo(first.get(0).hash());
        assertThat(fourth.previousHash()).isEqualTo(first.get(2).hash());
        ChainReport report = verification.verify(CHAIN);
        assertThat(report.intact()).isTrue();
        assertThat(report.intactRecords()).isEqualTo(4);
        assertThat(report.head()).isEqualTo(new AuditVerification.Anchor(CHAIN, 4, fourth.hash()));
    }

    @Test
    void detectsAChangedField() {
        trail.appendAll(AuditTrails.received(5, "c"));

        collection.updateOne(eq("_id", CHAIN + ":3"), set("party", "AZ-SMS"));

        assertBrokenAt(3, BreakKind.CHANGED);
    }

    @Test
    void detectsAChangedTime() {
        trail.appendAll(AuditTrails.received(5, "t"));

        collection.updateOne(eq("_id", CHAIN + ":4"), set("at", new java.util.Date(0)));

        assertBrokenAt(4, BreakKind.CHANGED);
    }

    @Test
    void detectsADeletedRecord() {
        trail.appendAll(AuditTrails.received(5, "d"));

        collection.deleteOne(eq("_id", CHAIN + ":3"));

        assertBrokenAt(3, BreakKind.MISSING);
    }

    @Test
    void detectsAnInsertedRecordEvenWithAValidHash() {
        List<AuditRecord> records = trail.appendAll(AuditTrails.received(5, "i"));
        collection.dropIndex("chain_sequence"); // whoever tampers has the rights of an administrator
        AuditRecord forged = AuditRecord.chained(CHAIN, 3, records.get(1).hash(), AuditTrails.received("forged", "RC-000000000009"));

        collection.insertOne(AuditDocuments.toDocument(new AuditRecord(CHAIN + ":3-forged", forged.chain(), forged.sequence(), forged.at(),
                forged.who(), forged.party(), forged.action(), forged.what(), forged.reference(), forged.caseId(), forged.purpose(),
                forged.outcome(), forged.previousHash(), forged.hash())));

        ChainReport report = verification.verify(CHAIN);
        assertThat(report.broken().kind()).as(report.summary()).isEqualTo(BreakKind.INSERTED);
        assertThat(report.broken().sequence()).isEqualTo(3);
        assertThat(report.broken().message()).contains("two records claim sequence 3");
    }

    @Test
    void detectsARecordReplacedByOneThatDoesNotLinkToItsPredecessor() {
        trail.appendAll(AuditTrails.received(5, "r"));
        AuditRecord replacement = AuditRecord.chained(CHAIN, 3, "f".repeat(64), AuditTrails.received("replaced", "RC-000000000009"));

        collection.replaceOne(eq("_id", CHAIN + ":3"), AuditDocuments.toDocument(replacement));

        assertBrokenAt(3, BreakKind.INSERTED);
    }

    @Test
    void detectsReorderedRecords() {
        trail.appendAll(AuditTrails.received(5, "o"));

        collection.updateOne(eq("_id", CHAIN + ":2"), set("sequence", 99L));
        collection.updateOne(eq("_id", CHAIN + ":3"), set("sequence", 2L));
        collection.updateOne(eq("_id", CHAIN + ":2"), set("sequence", 3L));

        assertBrokenAt(2, BreakKind.REORDERED);
    }

    @Test
    void detectsRemovedNewestRecordsAgainstAnAnchor() {
        trail.appendAll(AuditTrails.received(5, "n"));
        AuditVerification.Anchor anchor = verification.verify(CHAIN).head();

        collection.deleteOne(eq("_id", CHAIN + ":5"));

        assertThat(verification.verify(CHAIN).intact()).as("a hash chain alone cannot see its tail cut off").isTrue();
        ChainReport report = verification.verify(CHAIN, anchor);
        assertThat(report.broken().kind()).isEqualTo(BreakKind.MISSING);
        assertThat(report.broken().sequence()).isEqualTo(5);
    }

    @Test
    void concurrentAppendersOfSeveralInstancesKeepOneValidChain() throws Exception {
        // two "instances" (own head cache and lock each), each appending from three threads, batches of 1 to 7
        List<AuditTrail> instances = List.of(new AuditTrail(collection, CHAIN), new AuditTrail(collection, CHAIN));
        int threads = 6;
        int batchesPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> appended = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            AuditTrail instance = instances.get(t % 2);
            String thread = "t" + t;
            appended.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                int count = 0;
                for (int b = 0; b < batchesPerThread; b++) {
                    count += instance.appendAll(AuditTrails.received(1 + (b % 7), thread + "-" + b)).size();
                }
                return count;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : appended) {
            total += f.get();
        }
        pool.shutdown();

        ChainReport report = verification.verify(CHAIN);
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.intactRecords()).isEqualTo(total).isEqualTo(collection.countDocuments());
        Set<String> references = new HashSet<>();
        collection.find().forEach(d -> references.add(d.getString("reference")));
        assertThat(references).hasSize(total);
    }

    @Test
    void anotherInstanceAppendingInBetweenIsChainedOnNotForked() {
        AuditTrail other = new AuditTrail(collection, CHAIN);
        trail.appendAll(AuditTrails.received(2, "x"));
        other.appendAll(AuditTrails.received(3, "y"));  // trail's cached head (2) is stale from here on

        List<AuditRecord> after = trail.appendAll(AuditTrails.received(2, "z"));

        assertThat(after).extracting(AuditRecord::sequence).containsExactly(6L, 7L);
        assertThat(trail.collisions()).as("the stale head was detected by the taken position, not by a read").isEqualTo(1);
        assertThat(verification.verify(CHAIN).intact()).isTrue();
    }

    @Test
    void verificationCommandExitsZeroWhenIntactAndOneWhenTampered() {
        trail.appendAll(AuditTrails.received(4, "v"));
        String[] args = {"--mongodb-uri=" + MongoWireTestServer.uri(AuditTrails.DATABASE), "--collection=" + collection.getNamespace().getCollectionName()};

        ByteArrayOutputStream intact = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(args, new PrintStream(intact, true, StandardCharsets.UTF_8))).isZero();
        assertThat(intact.toString(StandardCharsets.UTF_8)).contains("chain partner-gateway: intact, 4 record(s), head partner-gateway:4:");

        collection.updateOne(eq("_id", CHAIN + ":2"), set("caseId", "RC-999999999999"));
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        assertThat(AuditVerifier.run(args, new PrintStream(tampered, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(tampered.toString(StandardCharsets.UTF_8)).contains("BROKEN at sequence 2 (CHANGED)");
    }

    private void assertBrokenAt(long sequence, BreakKind kind) {
        ChainReport report = verification.verify(CHAIN);
        assertThat(report.intact()).as("tampering goes unnoticed").isFalse();
        assertThat(report.broken().kind()).as(report.summary()).isEqualTo(kind);
        assertThat(report.broken().sequence()).isEqualTo(sequence);
        assertThat(report.intactRecords()).isEqualTo(sequence - 1);
    }
}
