package org.readmission.simulator.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.simulator.answers.Answer;
import org.readmission.simulator.answers.AnswerBook;
import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.kafka.SubmissionSender;
import org.readmission.simulator.kafka.TopicTail;

/**
 * Runs one plan against a broker: notes the end offsets of the senders' notification topics and the dead-letter
 * topic, sends every record, prints each answer as it arrives, waits until every submission is answered (or the
 * timeout), lingers a little to catch repeated answers, then judges every submission.
 */
public final class Simulation {

    private static final String DEAD_LETTER_TOPIC = Topics.dlt(Topics.PARTNER_SUBMISSIONS);

    private final KafkaSettings kafka;
    private final Duration timeout;
    private final Duration settle;
    private final SimulationReport report;

    /**
     * @param timeout how long to wait for all answers after sending
     * @param settle  how long to keep reading after that, so that a second answer to the same ce_id is seen
     */
    public Simulation(KafkaSettings kafka, Duration timeout, Duration settle, PrintStream out) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.settle = settle;
        this.report = new SimulationReport(out);
    }

    public SimulationResult run(SimulationPlan plan) throws InterruptedException {
        Map<String, Submission> submissions = plan.submissions();
        AnswerBook book = new AnswerBook(new AvroCodec(EventCatalog.v1()), DEAD_LETTER_TOPIC);
        BlockingQueue<Answer> arrivals = new LinkedBlockingQueue<>();
        book.onAnswer(arrivals::add);
        List<String> topics = new ArrayList<>(plan.senders().stream().map(Topics::partnerNotifications).toList());
        topics.add(DEAD_LETTER_TOPIC);

        AtomicInteger sendFailures = new AtomicInteger();
        try (TopicTail tail = TopicTail.fromEnd(kafka, "partner-simulator-answers-" + plan.runTag(), topics)) {
            tail.start(book::accept);
            report.start(plan, kafka.bootstrapServers());
            try (SubmissionSender sender = new SubmissionSender(kafka, "partner-simulator-" + plan.runTag(), 1)) {
                for (Submission record : plan.records()) {
                    sender.send(record, (metadata, error) -> {
                        if (error != null) {
                            sendFailures.incrementAndGet();
                        }
                    });
                }
                sender.flush();
            }
            Map<String, Integer> answerCounts = new HashMap<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!complete(submissions, book) && Instant.now().isBefore(deadline)) {
                printArrivals(arrivals, submissions, answerCounts, 200);
            }
            Instant settled = Instant.now().plus(settle);
            while (Instant.now().isBefore(settled)) {
                printArrivals(arrivals, submissions, answerCounts, 100);
            }
            printArrivals(arrivals, submissions, answerCounts, 0);
        }
        List<Verdict> verdicts = submissions.values().stream()
                .map(s -> Verdict.of(s, book.answersTo(s.ceId()), book.deadLetterOf(s.ceId())))
                .toList();
        verdicts.stream().filter(Verdict::unanswered).forEach(report::unanswered);
        verdicts.stream().filter(v -> !v.unanswered() && v.submission().expected().deadLettered() && v.deadLetter().isEmpty())
                .forEach(report::deadLetterMissing);
        SimulationResult result = SimulationResult.of(plan.records().size(), sendFailures.get(), verdicts);
        report.summary(result, book.otherNotifications());
        return result;
    }

    private static boolean complete(Map<String, Submission> submissions, AnswerBook book) {
        return submissions.values().stream().allMatch(s -> !book.answersTo(s.ceId()).isEmpty()
                && (!s.expected().deadLettered() || book.deadLetterOf(s.ceId()).isPresent()));
    }

    private void printArrivals(BlockingQueue<Answer> arrivals, Map<String, Submission> submissions,
                               Map<String, Integer> answerCounts, long waitMillis) throws InterruptedException {
        Answer answer = waitMillis > 0 ? arrivals.poll(waitMillis, TimeUnit.MILLISECONDS) : arrivals.poll();
        while (answer != null) {
            Submission submission = submissions.get(answer.submissionId());
            if (submission != null) {
                report.answer(submission, answer, answerCounts.merge(answer.submissionId(), 1, Integer::sum));
            }
            answer = arrivals.poll();
        }
    }
}
