package org.readmission.caseview.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseState;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.cases.ReadModelEncryption;
import org.readmission.events.partner.CaseOutcome;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.messaging.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The documented replay (drop the read model, re-read every projected topic with a fresh consumer group) rebuilds the
 * read model exactly as the live consumer built it, and running it twice changes nothing. A broker and a store of its
 * own: the replay drops the whole read model, and every document in it must come from this broker's topics.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"})
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
class ReplayIntegrationTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_view_replay"));
    }

    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @Autowired Replay replay;
    @Autowired MongoTemplate mongo;
    @Autowired ReadModelEncryption encryption;

    @Test
    void rebuildsTheReadModelIdenticallyAndIdempotently() {
        Instant t0 = Instant.parse("2026-04-06T08:00:00Z");
        var approved = CaseEventFixtures.Case.of("RC-RP-1", "DE-BPOL", "AZ-SMS");
        publish(publisher, approved, approved.forwarded(t0, ProcedureType.NORMAL, List.of(
                person("P1", "Rəşad", "Məmmədov", "Рашад Мамедов", "C2000001"), person("P2", "Leyla", "Məmmədova", null, "C2000002"))));
        publish(publisher, approved, approved.deadlineSet(t0, t0.plus(Duration.ofDays(15))));
        publish(publisher, approved, approved.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, approved, approved.verified(t0.plusSeconds(90), "P2"));
        publish(publisher, approved, approved.decided(t0.plus(Duration.ofDays(2)), ReadmissionDecisionType.APPROVED, "P1", "P2"));
        publish(publisher, approved, approved.travelDocument(t0.plus(Duration.ofDays(3)), "P1"));
        publish(publisher, approved, approved.holdPlaced(t0.plus(Duration.ofDays(4))));
        var transferred = CaseEventFixtures.Case.of("RC-RP-2", "NL-DTV", "AZ-SMS");
        publish(publisher, transferred, transferred.forwarded(t0, ProcedureType.ACCELERATED, List.of(person("P1", "Anar", "Əliyev", null, "C2000003"))));
        publish(publisher, transferred, transferred.verified(t0.plusSeconds(60), "P1"));
        publish(publisher, transferred, transferred.decided(t0.plus(Duration.ofDays(1)), ReadmissionDecisionType.APPROVED, "P1"));
        publish(publisher, transferred, transferred.transferCompleted(t0.plus(Duration.ofDays(9)), "P1"));
        publish(publisher, transferred, transferred.referral(t0.plus(Duration.ofDays(9)).plusSeconds(3600), "P1"));
        publish(publisher, transferred, transferred.progress(t0.plus(Duration.ofDays(12)), "P1", ReintegrationStage.ACCEPTED));
        publish(publisher, transferred, transferred.providerAssigned(t0.plus(Duration.ofDays(10)), "P1", "AZ-IOM"));
        publish(publisher, transferred, transferred.reintegrationClosed(t0.plus(Duration.ofDays(200)), "P1",
                org.readmission.events.reintegration.ReintegrationOutcome.COMPLETED));
        var refused = CaseEventFixtures.Case.of("RC-RP-3", "DE-BPOL", "AZ-SMS");
        publish(publisher, refused, refused.forwarded(t0, ProcedureType.NORMAL, List.of(person("P1", "Elçin", "Quliyev", null, "C2000004"))));
        publish(publisher, refused, refused.expired(t0.plus(Duration.ofDays(16)), t0.plus(Duration.ofDays(15))));
        publish(publisher, refused, refused.closed(t0.plus(Duration.ofDays(17)), CaseOutcome.REFUSED));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.load("RC-RP-1").map(f -> f.onHold() && f.travelDocuments().size() == 1).orElse(false)
                && store.load("RC-RP-2").map(f -> f.timeline().size() == 8).orElse(false)
                && store.load("RC-RP-3").map(CaseFile::closed).orElse(false));
        Map<String, Document> live = readModel();
        assertThat(live).hasSize(6).containsKeys("cases/RC-RP-1", "case_index/RC-RP-1", "cases/RC-RP-2", "cases/RC-RP-3");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Replay.Result first = replay.run(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Map<String, Document> rebuilt = readModel();
        Replay.Result second = replay.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Map<String, Document> rebuiltTwice = readModel();

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("replay: dropping the read model").contains("replay: done");
        assertThat(first.applied()).isEqualTo(18);
        assertThat(first.deadLettered()).isZero();
        assertThat(second).isEqualTo(first);
        assertThat(differences(live, rebuilt)).isEmpty();
        assertThat(differences(live, rebuiltTwice)).isEmpty();
        assertThat(rebuilt).isEqualTo(live);
        CaseFile one = store.load("RC-RP-1").orElseThrow();
        assertThat(one.state()).isEqualTo(CaseState.APPROVED);
        assertThat(one.timeline()).hasSize(7);
        assertThat(one.openTasks()).isNotEmpty();
        assertThat(store.load("RC-RP-2").orElseThrow().reintegration()).singleElement().satisfies(r -> {
            assertThat(r.stage()).isEqualTo("CLOSED");
            assertThat(r.provider()).isEqualTo("AZ-IOM");
        });
    }

    /** collection/id.field of every field that differs (or the document, if missing on one side). */
    private static List<String> differences(Map<String, Document> expected, Map<String, Document> actual) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            Document a = expected.get(key);
            Document b = actual.get(key);
            if (a == null || b == null) {
                out.add(key + (a == null ? " only after the replay" : " missing after the replay"));
                continue;
            }
            java.util.Set<String> fields = new TreeSet<>(a.keySet());
            fields.addAll(b.keySet());
            for (String field : fields) {
                if (!java.util.Objects.equals(a.get(field), b.get(field))) {
                    out.add(key + "." + field + ": " + a.get(field) + " <> " + b.get(field));
                }
            }
        }
        return out;
    }

    /**
     * Every document of both collections by collection/id, its encrypted fields opened (each encryption draws a fresh
     * nonce, so the ciphertexts of a rebuild differ); the optimistic-lock version and set order left out.
     */
    private Map<String, Document> readModel() {
        Map<String, Document> all = new TreeMap<>();
        for (String collection : List.of("cases", "case_index")) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                document.remove("version");
                Object applied = document.get("appliedEventIds");
                if (applied instanceof List<?> ids) {
                    document.put("appliedEventIds", new TreeSet<>(ids.stream().map(String::valueOf).toList()));
                }
                all.put(collection + "/" + document.get("_id"), encryption.open(collection, document));
            }
        }
        return all;
    }
}
