package org.readmission.caseview.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.readmission.caseview.cases.CaseIndexEntry;
import org.readmission.caseview.cases.CaseState;
import org.readmission.caseview.cases.OpenTask;

/**
 * The supervisors' figures over a set of cases (one party's), for cases received in a period: volumes per party
 * pair and month, reply-time-limit compliance by procedure, backlog and overdue, holds, approved-but-not-transferred
 * ageing, stage durations (median, p90), outcomes and the reintegration funnel. Every figure keeps its case ids.
 */
public final class Statistics {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);
    static final List<String> FUNNEL = List.of("REFERRED", "ACCEPTED", "SUPPORT_PLAN_AGREED", "FOLLOW_UP_ARRIVAL",
            "FOLLOW_UP_3_MONTHS", "FOLLOW_UP_6_MONTHS", "CLOSED");

    /** The figures, grouped for the page. */
    public record Report(Period period, List<Figure> totals, List<Figure> volumes, List<Figure> compliance,
                         List<Figure> workload, List<Figure> ageing, List<Figure> durations, List<Figure> funnel) {

        public List<Figure> all() {
            List<Figure> all = new ArrayList<>(totals);
            all.addAll(volumes);
            all.addAll(compliance);
            all.addAll(workload);
            all.addAll(ageing);
            all.addAll(durations);
            all.addAll(funnel);
            return all;
        }

        public java.util.Optional<Figure> figure(String id) {
            return all().stream().filter(f -> f.id().equals(id)).findFirst();
        }
    }

    /** Cases received from {@code from} (inclusive) to {@code to} (exclusive); nulls leave it open. */
    public record Period(Instant from, Instant to) {

        boolean contains(Instant at) {
            return at != null && (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    private Statistics() {
    }

    public static Report of(List<CaseIndexEntry> cases, Period period, Instant now) {
        List<CaseIndexEntry> received = cases.stream().filter(c -> period.contains(c.receivedAt())).toList();
        List<Figure> totals = List.of(
                count("received", "figure.received", List.of(), received, c -> true),
                count("decided", "figure.decided", List.of(), received, c -> c.decidedAt() != null),
                count("approved", "figure.approved", List.of(), received, c -> c.decidedAt() != null && !"REFUSED".equals(c.decision())),
                count("refused", "figure.refused", List.of(), received, c -> "REFUSED".equals(c.decision())),
                count("transferred", "figure.transferred", List.of(), received, c -> c.transferredAt() != null),
                count("closed", "figure.closed", List.of(), received, c -> c.state() == CaseState.CLOSED),
                count("holdsPlaced", "figure.holdsPlaced", List.of(), received, c -> c.holdsPlaced() > 0));

        Map<String, List<CaseIndexEntry>> byPairAndMonth = new TreeMap<>();
        received.forEach(c -> byPairAndMonth.computeIfAbsent(c.requestingParty() + "|" + c.requestedParty() + "|"
                + MONTH.format(c.receivedAt()), k -> new ArrayList<>()).add(c));
        List<Figure> volumes = new ArrayList<>();
        byPairAndMonth.forEach((key, list) -> {
            String[] parts = key.split("\\|");
            volumes.add(new Figure("volume:" + key.replace('|', ':'), "figure.volume", List.of(parts), list.size(), "count", ids(list)));
        });

        List<Figure> compliance = new ArrayList<>();
        for (String procedure : List.of("NORMAL", "ACCELERATED")) {
            List<CaseIndexEntry> decided = received.stream().filter(c -> procedure.equals(c.procedure()) && c.decidedAt() != null).toList();
            List<CaseIndexEntry> within = decided.stream().filter(c -> Boolean.TRUE.equals(c.decidedWithinLimit())).toList();
            compliance.add(new Figure("decided:" + procedure, "figure.decidedBy", List.of(procedure), decided.size(), "count", ids(decided)));
            compliance.add(new Figure("withinLimit:" + procedure, "figure.withinLimit", List.of(procedure), within.size(), "count", ids(within)));
            compliance.add(new Figure("compliance:" + procedure, "figure.compliance", List.of(procedure),
                    decided.isEmpty() ? 0 : 100.0 * within.size() / decided.size(), "percent", ids(decided)));
            // no reply within the limit, recorded by the requesting party: counted as decided, never as within the limit
            List<CaseIndexEntry> deemed = decided.stream().filter(c -> "DEEMED_AGREED".equals(c.decision())).toList();
            compliance.add(new Figure("deemedAgreed:" + procedure, "figure.deemedAgreed", List.of(procedure), deemed.size(), "count", ids(deemed)));
        }

        List<Figure> workload = List.of(
                count("backlog", "figure.backlog", List.of(), cases, CaseIndexEntry::open),
                count("overdue", "figure.overdue", List.of(), cases,
                        c -> c.open() && c.openTasks() != null && c.openTasks().stream().anyMatch(t -> t.overdueAt(now))),
                count("onHold", "figure.onHold", List.of(), cases, CaseIndexEntry::onHold),
                count("expired", "figure.expired", List.of(), cases, c -> c.state() == CaseState.REPLY_EXPIRED));

        List<Figure> ageing = new ArrayList<>();
        List<CaseIndexEntry> approvedWaiting = cases.stream().filter(c -> c.open() && c.decidedAt() != null
                && !"REFUSED".equals(c.decision()) && c.transferredAt() == null).toList();
        int[][] buckets = {{0, 30}, {30, 90}, {90, 180}, {180, Integer.MAX_VALUE}};
        for (int[] bucket : buckets) {
            String name = bucket[1] == Integer.MAX_VALUE ? bucket[0] + "+" : bucket[0] + "-" + bucket[1];
            ageing.add(count("ageing:" + name, "figure.ageing", List.of(name), approvedWaiting, c -> {
                long days = Duration.between(c.decidedAt(), now).toDays();
                return days >= bucket[0] && days < bucket[1];
            }));
        }

        List<Figure> durations = new ArrayList<>();
        durations.addAll(duration("toDecision", received, CaseIndexEntry::receivedAt, CaseIndexEntry::decidedAt));
        durations.addAll(duration("toTravelDocument", received, CaseIndexEntry::decidedAt, CaseIndexEntry::travelDocumentIssuedAt));
        durations.addAll(duration("toTransfer", received, CaseIndexEntry::decidedAt, CaseIndexEntry::transferredAt));

        List<Figure> funnel = new ArrayList<>();
        for (int i = 0; i < FUNNEL.size(); i++) {
            int stage = i;
            List<CaseIndexEntry> reached = new ArrayList<>();
            long persons = 0;
            for (CaseIndexEntry c : received) {
                long n = c.reintegrationStages() == null ? 0
                        : c.reintegrationStages().stream().filter(s -> FUNNEL.indexOf(s) >= stage).count();
                if (n > 0) {
                    reached.add(c);
                    persons += n;
                }
            }
            funnel.add(new Figure("funnel:" + FUNNEL.get(i), "figure.funnel", List.of(FUNNEL.get(i)), persons, "count", ids(reached)));
        }
        return new Report(period, totals, volumes, compliance, workload, ageing, durations, funnel);
    }

    private static List<Figure> duration(String stage, List<CaseIndexEntry> cases, Function<CaseIndexEntry, Instant> start,
                                         Function<CaseIndexEntry, Instant> end) {
        List<CaseIndexEntry> measured = cases.stream().filter(c -> start.apply(c) != null && end.apply(c) != null).toList();
        List<Double> days = measured.stream()
                .map(c -> Duration.between(start.apply(c), end.apply(c)).toMinutes() / 1440.0).sorted().toList();
        return List.of(
                new Figure("duration:" + stage + ":median", "figure.durationMedian", List.of(stage), percentile(days, 50), "days", ids(measured)),
                new Figure("duration:" + stage + ":p90", "figure.durationP90", List.of(stage), percentile(days, 90), "days", ids(measured)));
    }

    /** Nearest-rank percentile of sorted values (0 when there are none). */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Figure count(String id, String label, List<String> args, List<CaseIndexEntry> cases, Predicate<CaseIndexEntry> which) {
        List<CaseIndexEntry> matching = cases.stream().filter(which).toList();
        return new Figure(id, label, args, matching.size(), "count", ids(matching));
    }

    private static List<String> ids(List<CaseIndexEntry> cases) {
        return cases.stream().map(CaseIndexEntry::caseId).sorted(Comparator.naturalOrder()).toList();
    }

    /** Open and overdue tasks of a set of cases (for the gauges). */
    static long[] taskCounts(List<CaseIndexEntry> cases, Instant now) {
        long open = 0;
        long overdue = 0;
        for (CaseIndexEntry c : cases) {
            for (OpenTask t : c.openTasks() == null ? List.<OpenTask>of() : c.openTasks()) {
                open++;
                if (t.overdueAt(now)) {
                    overdue++;
                }
            }
        }
        return new long[]{open, overdue};
    }
}
