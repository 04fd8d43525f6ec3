package org.readmission.caseview.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.readmission.caseview.CaseEventFixtures.person;
import static org.readmission.caseview.CaseEventFixtures.publish;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.readmission.caseview.CaseEventFixtures;
import org.readmission.caseview.CaseEventFixtures.Published;
import org.readmission.caseview.CaseViewIntegrationTest;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.events.partner.*;
import org.readmission.messaging.EventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.readmission.testsignin.Officers;
import org.springframework.test.web.servlet.MockMvc;

/** The committee report's totals equal what counting the published events directly gives. */
class ReportTotalsIntegrationTest extends CaseViewIntegrationTest {

    @Autowired EventPublisher publisher;
    @Autowired CaseStore store;
    @Autowired MockMvc mvc;

    @Test
    void reportTotalsEqualCountsComputedFromTheEvents() throws Exception {
        Random random = new Random(42);
        List<Published> events = new ArrayList<>();
        Instant base = Instant.parse("2026-01-05T08:00:00Z");
        int cases = 40;
        for (int i = 0; i < cases; i++) {
            var c = CaseEventFixtures.Case.of("RC-R-" + i, "DE-BAMF", "AZ-SMS");
            Instant t0 = base.plus(Duration.ofDays(random.nextInt(80)));
            ProcedureType procedure = random.nextInt(4) == 0 ? ProcedureType.ACCELERATED : ProcedureType.NORMAL;
            events.add(publish(publisher, c, c.forwarded(t0, procedure, List.of(person("P1", "Anar", "Əliyev", null, "C" + (1000000 + i))))));
            Instant due = t0.plus(Duration.ofDays(procedure == ProcedureType.NORMAL ? 15 : 2));
            events.add(publish(publisher, c, c.deadlineSet(t0, due)));
            events.add(publish(publisher, c, c.verified(t0.plusSeconds(3600), "P1")));
            int fate = random.nextInt(5);
            if (fate == 0) {
                continue;
            }
            Instant decidedAt = t0.plus(Duration.ofDays(random.nextBoolean() ? 1 : 20));
            boolean refused = fate == 1;
            events.add(publish(publisher, c, c.decided(decidedAt, refused ? ReadmissionDecisionType.REFUSED : ReadmissionDecisionType.APPROVED, "P1")));
            if (refused) {
                events.add(publish(publisher, c, c.closed(decidedAt, CaseOutcome.REFUSED)));
                continue;
            }
            if (fate == 3) {
                events.add(publish(publisher, c, c.holdPlaced(decidedAt.plusSeconds(60))));
            }
            if (fate == 4) {
                events.add(publish(publisher, c, c.travelDocument(decidedAt.plus(Duration.ofDays(2)), "P1")));
                events.add(publish(publisher, c, c.transferScheduled(decidedAt.plus(Duration.ofDays(3)), decidedAt.plus(Duration.ofDays(10)))));
                events.add(publish(publisher, c, c.transferCompleted(decidedAt.plus(Duration.ofDays(10)), "P1")));
                events.add(publish(publisher, c, c.closed(decidedAt.plus(Duration.ofDays(10)), CaseOutcome.TRANSFERRED)));
            }
        }
        String lastCase = events.get(events.size() - 1).caseId();
        int lastCount = (int) events.stream().filter(e -> e.caseId().equals(lastCase)).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.stream.IntStream.range(0, cases)
                .allMatch(i -> store.load("RC-R-" + i).map(f -> f.timeline().size()
                        == events.stream().filter(e -> e.caseId().equals(f.caseId())).count()).orElse(false)));

        Map<String, Long> expected = new HashMap<>();
        expected.put("received", events.stream().filter(e -> e.event() instanceof ApplicationForwarded).count());
        expected.put("decided", events.stream().filter(e -> e.event() instanceof ReadmissionDecided).count());
        expected.put("refused", events.stream().filter(e -> e.event() instanceof ReadmissionDecided d && d.getDecision() == ReadmissionDecisionType.REFUSED).count());
        expected.put("approved", expected.get("decided") - expected.get("refused"));
        expected.put("transferred", events.stream().filter(e -> e.event() instanceof TransferCompleted).count());
        expected.put("closed", events.stream().filter(e -> e.event() instanceof CaseClosed).count());
        expected.put("holdsPlaced", events.stream().filter(e -> e.event() instanceof ProtectionHoldPlaced).map(Published::caseId).distinct().count());
        Map<String, Instant> dueByCase = new HashMap<>();
        Map<String, String> procedureByCase = new HashMap<>();
        events.forEach(e -> {
            if (e.event() instanceof ReplyDeadlineSet s) {
                dueByCase.put(e.caseId(), s.getDeadline().getDueAt());
            }
            if (e.event() instanceof ApplicationForwarded f) {
                procedureByCase.put(e.caseId(), f.getApplication().getProcedure().name());
            }
        });
        for (String procedure : List.of("NORMAL", "ACCELERATED")) {
            List<Published> decided = events.stream().filter(e -> e.event() instanceof ReadmissionDecided
                    && procedure.equals(procedureByCase.get(e.caseId()))).toList();
            expected.put("decided:" + procedure, (long) decided.size());
            expected.put("withinLimit:" + procedure, decided.stream().filter(e -> !((ReadmissionDecided) e.event()).getOccurredAt()
                    .isAfter(dueByCase.get(e.caseId()))).count());
        }

        String csv = mvc.perform(get("/dashboard/report.csv").with(Officers.signedIn("de-bamf.supervisor")))
                .andReturn().getResponse().getContentAsString();
        Map<String, Long> reported = new HashMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            reported.put(cells[0].replace("\"", ""), Math.round(Double.parseDouble(cells[2])));
        });
        assertThat(expected.get("received")).isEqualTo(cases);
        expected.forEach((figure, count) -> assertThat(reported.get(figure)).as(figure).isEqualTo(count));
        assertThat(lastCount).isPositive();
    }
}
