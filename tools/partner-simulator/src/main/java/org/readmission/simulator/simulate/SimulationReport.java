package org.readmission.simulator.simulate;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.readmission.events.partner.Reason;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.simulator.answers.Answer;
import org.readmission.simulator.generator.Submission;

/** Formats the simulation's output: one line per answer as it arrives, unanswered submissions, and the summary. */
final class SimulationReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final int MESSAGE_LENGTH = 140;

    private final PrintStream out;

    SimulationReport(PrintStream out) {
        this.out = out;
    }

    void start(SimulationPlan plan, String bootstrap) {
        out.printf(Locale.ROOT, "Run %s: sending %d records (%d submissions: %d valid, %d invalid) from %s to %s%n",
                plan.runTag(), plan.records().size(), plan.submissions().size(), plan.validCount(),
                plan.submissions().size() - plan.validCount(), plan.senders(), bootstrap);
    }

    void secure(String security, java.util.List<String> submissionTopics) {
        out.println("Kafka " + security);
        out.println("  submissions to " + String.join(", ", submissionTopics)
                + "; answers from each party's own notification topic; dead-letter copies are not checked"
                + " (no party may read readmission.partner-submissions.<party>.dlt)");
    }

    void answer(Submission submission, Answer answer, int nth) {
        StringBuilder line = new StringBuilder(prefix(TIME.format(answer.receivedAt()), submission));
        if (answer.acknowledged()) {
            line.append("ACKNOWLEDGED case ").append(answer.caseId());
        } else {
            line.append("REJECTED ").append(answer.codes().stream().map(Enum::name).collect(Collectors.joining(",")))
                    .append(": ").append(shorten(answer.reasons().stream().map(Reason::getMessage).collect(Collectors.joining("; "))));
        }
        if (nth > 1) {
            line.append("  <-- ANSWERED AGAIN (").append(nth).append(". answer to the same ce_id)");
        } else if (!submission.expected().valid()) {
            boolean ok = !answer.acknowledged() && answer.codes().contains(submission.expected().reason());
            line.append("  | expected ").append(submission.expected().reason()).append(ok ? ": ok" : ": MISMATCH");
        } else if (!answer.acknowledged()) {
            line.append("  | expected ACKNOWLEDGED: MISMATCH");
        }
        out.println(line);
    }

    void unanswered(Verdict verdict) {
        out.println(prefix("--:--:--.---", verdict.submission()) + "NO ANSWER  | expected " + verdict.submission().expected());
    }

    void deadLetterMissing(Verdict verdict) {
        out.println(prefix("--:--:--.---", verdict.submission()) + "NOT DEAD-LETTERED  | expected " + verdict.submission().expected());
    }

    void summary(SimulationResult result, int otherNotifications) {
        out.println();
        out.printf(Locale.ROOT, "Summary: %d records sent, %d submissions (%d valid, %d invalid)%n",
                result.recordsSent(), result.submissions(), result.valid(), result.invalid());
        out.printf(Locale.ROOT, "  acknowledged          %5d%n", result.acknowledged());
        out.printf(Locale.ROOT, "  rejected              %5d%n", result.rejected());
        out.printf(Locale.ROOT, "  dead-lettered         %5d%n", result.deadLettered());
        out.printf(Locale.ROOT, "  unanswered            %5d%n", result.unanswered());
        out.printf(Locale.ROOT, "  answered twice or more%5d%n", result.answeredMoreThanOnce());
        out.printf(Locale.ROOT, "  mismatches            %5d  (answer differs from the expected one)%n", result.mismatches());
        if (result.sendFailures() > 0) {
            out.printf(Locale.ROOT, "  send failures         %5d%n", result.sendFailures());
        }
        if (otherNotifications > 0) {
            out.printf(Locale.ROOT, "  (%d other notifications on the topics, ignored)%n", otherNotifications);
        }
        out.println(result.ok()
                ? "Result: OK — every valid submission acknowledged, every invalid one rejected as expected (exit 0)"
                : "Result: FAILED (exit 1)");
    }

    private static String prefix(String time, Submission submission) {
        String applicationId = submission.applicationId() == null || submission.applicationId().isEmpty()
                ? "(no applicationId)" : submission.applicationId();
        return String.format(Locale.ROOT, "%s  %-8s %-28s %s  [%s]  ", time, submission.sender(), applicationId,
                submission.ceId(), describe(submission));
    }

    /** "valid: 3 persons, ACCELERATED" or the label of an invalid one. */
    static String describe(Submission submission) {
        ReadmissionApplicationSubmitted application = submission.application();
        if (!submission.expected().valid() || application == null) {
            return submission.label();
        }
        int persons = application.getPersons().size();
        String what = persons == 1 ? "1 person" : "family of " + persons;
        String label = "valid".equals(submission.label()) ? "" : submission.label() + ": ";
        return label + what + ", " + application.getCategory().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ", " + application.getProcedure().name().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String message) {
        return message.length() <= MESSAGE_LENGTH ? message : message.substring(0, MESSAGE_LENGTH - 1) + "…";
    }
}
