package org.readmission.simulator.simulate;

import java.util.List;

/** The counts a simulation ends with; exit code 0 only when every submission got exactly its expected answer. */
public record SimulationResult(int recordsSent, int submissions, int valid, int invalid, int acknowledged, int rejected,
                               int deadLettered, int unanswered, int answeredMoreThanOnce, int mismatches,
                               int sendFailures, List<Verdict> verdicts) {

    static SimulationResult of(int recordsSent, int sendFailures, List<Verdict> verdicts) {
        int valid = (int) verdicts.stream().filter(v -> v.submission().expected().valid()).count();
        return new SimulationResult(recordsSent, verdicts.size(), valid, verdicts.size() - valid,
                (int) verdicts.stream().filter(v -> v.first().map(a -> a.acknowledged()).orElse(false)).count(),
                (int) verdicts.stream().filter(v -> v.first().map(a -> !a.acknowledged()).orElse(false)).count(),
                (int) verdicts.stream().filter(v -> v.deadLetter().isPresent()).count(),
                (int) verdicts.stream().filter(Verdict::unanswered).count(),
                (int) verdicts.stream().filter(Verdict::answeredMoreThanOnce).count(),
                (int) verdicts.stream().filter(Verdict::mismatch).count(),
                sendFailures, List.copyOf(verdicts));
    }

    public int answered() {
        return submissions - unanswered;
    }

    public boolean ok() {
        return unanswered == 0 && answeredMoreThanOnce == 0 && mismatches == 0 && sendFailures == 0;
    }

    public int exitCode() {
        return ok() ? 0 : 1;
    }
}
