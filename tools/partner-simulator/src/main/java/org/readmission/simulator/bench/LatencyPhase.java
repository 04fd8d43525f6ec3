package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.kafka.SubmissionSender;

/**
 * (b) Offers submissions at a fixed rate, paced by schedule: submission i is due at start + i/rate, the sender waits
 * until that moment (never "sleep after each send"), and latency runs from the intended moment to the arrival of the
 * acknowledgement, so a stall delays every later send's measurement too (no coordinated omission).
 */
final class LatencyPhase {

    private static final long SPIN_BELOW_NANOS = 200_000;

    record Result(int rate, int offered, int sendFailures, int acknowledged, int rejected, int missing,
                  double achievedRate, double maxSendLagMillis, Histogram latencyMicros) {

        double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        boolean complete() {
            return missing == 0 && sendFailures == 0;
        }
    }

    private final SubmissionSender sender;
    private final Duration ackTimeout;
    private final Duration progressEvery;
    private final PrintStream out;

    LatencyPhase(SubmissionSender sender, Duration ackTimeout, Duration progressEvery, PrintStream out) {
        this.sender = sender;
        this.ackTimeout = ackTimeout;
        this.progressEvery = progressEvery;
        this.out = out;
    }

    Result run(List<Submission> submissions, int rate, AckTracker tracker) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int total = submissions.size();
        double periodNanos = 1e9 / rate;
        long maxLag = 0;
        long start = System.nanoTime() + 10_000_000;
        long firstSend = 0;
        long lastSend = 0;
        try (Progress progress = new Progress(out, progressEvery, "latency", () -> String.format(
                "sent %d/%d, acknowledged %d, rejected %d", sent.get(), total, tracker.acknowledged(), tracker.rejected()))) {
            for (int i = 0; i < total; i++) {
                Submission submission = submissions.get(i);
                long intended = start + (long) (i * periodNanos);
                waitUntil(intended);
                tracker.expect(submission.ceId(), intended);
                long now = System.nanoTime();
                sender.send(submission, (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                        tracker.forget(submission.ceId());
                    }
                });
                maxLag = Math.max(maxLag, now - intended);
                if (i == 0) {
                    firstSend = now;
                }
                lastSend = now;
                sent.incrementAndGet();
            }
            sender.flush();
            tracker.awaitAll(ackTimeout);
        }
        double seconds = (lastSend - firstSend) / 1e9;
        double achieved = total > 1 && seconds > 0 ? (total - 1) / seconds : total;
        return new Result(rate, total, failures.get(), tracker.acknowledged(), tracker.rejected(), tracker.missing(),
                achieved, maxLag / 1e6, tracker.latencyMicros().copy());
    }

    private static void waitUntil(long intendedNanos) {
        long remaining;
        while ((remaining = intendedNanos - System.nanoTime()) > 0) {
            if (remaining > SPIN_BELOW_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_BELOW_NANOS / 2);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
