package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.kafka.SubmissionSender;

/**
 * (a) Sends every submission as fast as one producer can (async, acks=all) and measures from the first send until
 * the last answer to them arrives on the sender's notification topic.
 */
final class ThroughputPhase {

    record Result(int sent, int sendFailures, int acknowledged, int rejected, int missing, double produceSeconds,
                  double seconds) {

        /** Acknowledged submissions per second through the gateway. */
        double rate() {
            return seconds <= 0 ? 0 : acknowledged / seconds;
        }

        boolean complete() {
            return missing == 0 && sendFailures == 0;
        }
    }

    private final SubmissionSender sender;
    private final Duration ackTimeout;
    private final Duration progressEvery;
    private final PrintStream out;

    ThroughputPhase(SubmissionSender sender, Duration ackTimeout, Duration progressEvery, PrintStream out) {
        this.sender = sender;
        this.ackTimeout = ackTimeout;
        this.progressEvery = progressEvery;
        this.out = out;
    }

    Result run(List<Submission> submissions, AckTracker tracker) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int total = submissions.size();
        long start;
        long produced;
        try (Progress progress = new Progress(out, progressEvery, "throughput", () -> String.format(
                "sent %d/%d, answered %d/%d (acknowledged %d, rejected %d)", sent.get(), total, tracker.answered(), total,
                tracker.acknowledged(), tracker.rejected()))) {
            start = System.nanoTime();
            for (Submission submission : submissions) {
                tracker.expect(submission.ceId(), start);
                sender.send(submission, (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                        tracker.forget(submission.ceId());
                    }
                });
                sent.incrementAndGet();
            }
            sender.flush();
            produced = System.nanoTime();
            tracker.awaitAll(ackTimeout);
        }
        long end = tracker.lastAnswerNanos() == 0 ? System.nanoTime() : tracker.lastAnswerNanos();
        return new Result(total, failures.get(), tracker.acknowledged(), tracker.rejected(), tracker.missing(),
                (produced - start) / 1e9, (end - start) / 1e9);
    }
}
