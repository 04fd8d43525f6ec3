package org.readmission.caseview.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.events.partner.ProcedureType;
import org.readmission.messaging.EventPublisher;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /actuator/prometheus} (open, no sign-in) shows the case view's counters and gauges with the values the events
 * gave them, and the Kafka consumer's lag. A store of its own: this context must not share documents with the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "server.address=127.0.0.1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@AutoConfigureObservability
class PrometheusMetricsIntegrationTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_view_metrics"));
    }

    @Autowired MockMvc mvc;
    @Autowired EventPublisher publisher;

    @Test
    void exposesEventCountersTaskGaugesAndConsumerLag() {
        Instant longAgo = Instant.parse("2026-01-05T08:00:00Z");
        var overdue = CaseEventFixtures.Case.of("RC-M-1", "DE-BPOL", "AZ-SMS");
        publish(publisher, overdue, overdue.forwarded(longAgo, ProcedureType.NORMAL, List.of(person("P1", "Anar", "Əliyev", null, "C3000001"))));
        publish(publisher, overdue, overdue.deadlineSet(longAgo, longAgo.plus(Duration.ofDays(15))));
        publish(publisher, overdue, overdue.verified(longAgo.plusSeconds(60), "P1"), "metrics-verified-1");
        publish(publisher, overdue, overdue.verified(longAgo.plusSeconds(60), "P1"), "metrics-verified-1");
        var fresh = CaseEventFixtures.Case.of("RC-M-2", "NL-DTV", "AZ-SMS");
        Instant now = Instant.now();
        publish(publisher, fresh, fresh.forwarded(now, ProcedureType.NORMAL, List.of(person("P1", "Leyla", "Quliyeva", null, "C3000002"))));
        publish(publisher, fresh, fresh.deadlineSet(now, now.plus(Duration.ofDays(15))));
        publish(publisher, fresh, fresh.verified(now, "P1"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String metrics = scrape();
            assertThat(value(metrics, "caseview_events_processed_total\\{[^}]*type=\"case.application-forwarded\"[^}]*\\}")).isEqualTo(2);
            assertThat(value(metrics, "caseview_events_processed_total\\{[^}]*type=\"identity.verification-completed\"[^}]*\\}")).isEqualTo(2);
            assertThat(value(metrics, "caseview_events_duplicates_total\\{[^}]*\\}")).isEqualTo(1);
            assertThat(value(metrics, "caseview_tasks_open\\{[^}]*\\}")).isEqualTo(2);
            assertThat(value(metrics, "caseview_tasks_overdue\\{[^}]*\\}")).isEqualTo(1);
            assertThat(metrics).contains("caseview_events_dead_lettered_total").contains("kafka_consumer_fetch_manager_records_lag");
        });
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
    }

    /** The value of the first sample matching the name-and-labels pattern. */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("(?m)^" + sample + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
