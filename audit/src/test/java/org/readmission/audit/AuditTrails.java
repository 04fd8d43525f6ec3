package org.readmission.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.readmission.testing.MongoWireTestServer;

/** Fixtures: a fresh audit collection on the Mongo-wire store (over TCP), entries as the gateway writes them. */
final class AuditTrails {

    static final String DATABASE = "audit_test";
    private static MongoClient client;

    private AuditTrails() {
    }

    static synchronized MongoCollection<Document> freshCollection() {
        if (client == null) {
            client = MongoClients.create(MongoWireTestServer.uri(DATABASE));
        }
        MongoCollection<Document> collection = client.getDatabase(DATABASE).getCollection("audit_" + UUID.randomUUID().toString().replace("-", ""));
        AuditTrail.createIndexes(collection);
        return collection;
    }

    static AuditEntry received(String ceId, String caseId) {
        return new AuditEntry(Instant.parse("2026-03-02T09:15:30.123456Z"), AuditEntry.partner("DE-BPOL"), "DE-BPOL",
                AuditAction.MESSAGE_RECEIVED, "org.readmission.application.submitted.v1", ceId, caseId, "readmission exchange", "ACCEPTED");
    }

    static List<AuditEntry> received(int count, String prefix) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> received(prefix + "-" + i, "RC-00000000000" + (i % 10))).toList();
    }
}
