package org.readmission.simulator.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.readmission.simulator.answers.Answer;
import org.readmission.simulator.answers.DeadLetter;
import org.readmission.simulator.generator.Expectation;
import org.readmission.simulator.generator.Submission;

/**
 * What came back for one submission compared with what was expected: the first answer must be the expected one
 * (acknowledgement, or rejection carrying the expected reason code), it must be the only answer, and undecodable
 * input must also be on the dead-letter topic.
 */
public record Verdict(Submission submission, List<Answer> answers, Optional<DeadLetter> deadLetter, List<String> problems) {

    public static Verdict of(Submission submission, List<Answer> answers, Optional<DeadLetter> deadLetter) {
        return of(submission, answers, deadLetter, true);
    }

    /** @param checkDeadLetter false when the dead-letter topic cannot be read (a secure run: parties may not) */
    public static Verdict of(Submission submission, List<Answer> answers, Optional<DeadLetter> deadLetter,
                             boolean checkDeadLetter) {
        List<String> problems = new ArrayList<>();
        Expectation expected = submission.expected();
        if (answers.isEmpty()) {
            problems.add("unanswered");
        } else {
            Answer first = answers.get(0);
            if (expected.valid() && !first.acknowledged()) {
                problems.add("expected ACKNOWLEDGED, got REJECTED " + first.codes());
            } else if (!expected.valid() && first.acknowledged()) {
                problems.add("expected REJECTED " + expected.reason() + ", got ACKNOWLEDGED");
            } else if (!expected.valid() && !first.codes().contains(expected.reason())) {
                problems.add("expected reason " + expected.reason() + ", got " + first.codes());
            }
            if (answers.size() > 1) {
                problems.add("answered " + answers.size() + " times");
            }
        }
        if (checkDeadLetter && expected.deadLettered() && deadLetter.isEmpty()) {
            problems.add("not on the dead-letter topic");
        }
        return new Verdict(submission, List.copyOf(answers), deadLetter, List.copyOf(problems));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public boolean unanswered() {
        return answers.isEmpty();
    }

    public boolean answeredMoreThanOnce() {
        return answers.size() > 1;
    }

    /** A wrong first answer or a missing dead-letter copy (not counting unanswered or repeated answers). */
    public boolean mismatch() {
        return problems.stream().anyMatch(p -> p.startsWith("expected") || p.startsWith("not on"));
    }

    public Optional<Answer> first() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(0));
    }
}
