package org.readmission.simulator.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.simulator.answers.Answer;
import org.readmission.simulator.answers.AnswerBook;
import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.kafka.KafkaRefusal;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.kafka.SubmissionSender;
import org.readmission.simulator.kafka.TopicTail;

/**
 * Runs one plan against a broker: notes the end offsets of the senders' notification topics and the dead-letter
 * topic (secure run: each party its own notification topic, as itself; no dead-letter topic), sends every record
 * (secure run: each party's records by its own producer to its own submission topic), prints each answer as it arrives, waits until every submission is answered (or the
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
        // a party may read neither the dead-letter topics nor another party's answers: in a secure run each party
        // reads its own notification topic as itself, and dead-letter copies cannot be checked
        boolean checkDeadLetters = !kafka.secure();

        AtomicInteger sendFailures = new AtomicInteger();
        AtomicReference<KafkaRefusal> refused = new AtomicReference<>();
        List<TopicTail> tails = new ArrayList<>();
        try {
            tails.addAll(openTails(plan));
            tails.forEach(tail -> tail.start(book::accept));
            report.start(plan, kafka.bootstrapServers());
            if (kafka.secure()) {
                report.secure(kafka.security().describe(), plan.senders().stream().map(kafka::submissionTopic).toList());
            }
            Map<String, SubmissionSender> senders = new LinkedHashMap<>();
            try {
                for (Submission record : plan.records()) {
                    SubmissionSender sender = senders.computeIfAbsent(kafka.secure() ? record.sender() : "",
                            party -> party.isEmpty() ? new SubmissionSender(kafka, "partner-simulator-" + plan.runTag(), 1)
                                    : SubmissionSender.forParty(kafka, party, "partner-simulator-" + plan.runTag() + "-"
                                    + party.toLowerCase(Locale.ROOT), 1));
                    sender.send(record, (metadata, error) -> {
                        if (error != null) {
                            sendFailures.incrementAndGet();
                            if (sender.party() != null) {
                                KafkaRefusal.of(error, kafka.security(), sender.party(), "write", sender.topic())
                                        .ifPresent(refusal -> refused.compareAndSet(null, refusal));
                            }
                        }
                    });
                }
                senders.values().forEach(SubmissionSender::flush);
            } finally {
                senders.values().forEach(SubmissionSender::close);
            }
            if (refused.get() != null) {
                throw refused.get();
            }
            Map<String, Integer> answerCounts = new HashMap<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!complete(submissions, book, checkDeadLetters) && Instant.now().isBefore(deadline)) {
                printArrivals(arrivals, submissions, answerCounts, 200);
                requireReading(tails, plan);
            }
            Instant settled = Instant.now().plus(settle);
            while (Instant.now().isBefore(settled)) {
                printArrivals(arrivals, submissions, answerCounts, 100);
            }
            printArrivals(arrivals, submissions, answerCounts, 0);
        } finally {
            tails.forEach(TopicTail::close);
        }
        List<Verdict> verdicts = submissions.values().stream()
                .map(s -> Verdict.of(s, book.answersTo(s.ceId()), book.deadLetterOf(s.ceId()), checkDeadLetters))
                .toList();
        verdicts.stream().filter(Verdict::unanswered).forEach(report::unanswered);
        verdicts.stream().filter(v -> checkDeadLetters && !v.unanswered() && v.submission().expected().deadLettered()
                        && v.deadLetter().isEmpty())
                .forEach(report::deadLetterMissing);
        SimulationResult result = SimulationResult.of(plan.records().size(), sendFailures.get(), verdicts);
        report.summary(result, book.otherNotifications());
        return result;
    }

    /**
     * Open mode: one tail over every sender's notification topic and the dead-letter topic, as before. Secure run:
     * one tail per sending party, as that party, over its own notification topic only.
     */
    private List<TopicTail> openTails(SimulationPlan plan) {
        if (!kafka.secure()) {
            List<String> topics = new ArrayList<>(plan.senders().stream().map(Topics::partnerNotifications).toList());
            topics.add(DEAD_LETTER_TOPIC);
            return List.of(TopicTail.fromEnd(kafka, "partner-simulator-answers-" + plan.runTag(), topics));
        }
        List<TopicTail> tails = new ArrayList<>();
        try {
            for (String party : plan.senders()) {
                kafka.requireReachable(party, Duration.ofSeconds(10));
                tails.add(TopicTail.fromEnd(kafka, party, "partner-simulator-answers-" + plan.runTag() + "-"
                        + party.toLowerCase(Locale.ROOT), List.of(Topics.partnerNotifications(party))));
            }
            return tails;
        } catch (RuntimeException e) {
            tails.forEach(TopicTail::close);
            throw e;
        }
    }

    /** Stops the wait when the broker refused a reading party (secure run), instead of waiting for the timeout. */
    private void requireReading(List<TopicTail> tails, SimulationPlan plan) {
        for (TopicTail tail : tails) {
            RuntimeException failure = tail.failure();
            if (failure != null) {
                String topic = tail.topics().iterator().next();
                String party = plan.senders().stream().filter(p -> Topics.partnerNotifications(p).equals(topic)).findFirst()
                        .orElse(topic);
                throw KafkaRefusal.explain(failure, kafka.security(), party, "read", topic);
            }
        }
    }

    private static boolean complete(Map<String, Submission> submissions, AnswerBook book, boolean checkDeadLetters) {
        return submissions.values().stream().allMatch(s -> !book.answersTo(s.ceId()).isEmpty()
                && (!checkDeadLetters || !s.expected().deadLettered() || book.deadLetterOf(s.ceId()).isPresent()));
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
