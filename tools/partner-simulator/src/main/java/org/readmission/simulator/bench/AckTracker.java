package org.readmission.simulator.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;
import org.readmission.simulator.answers.Answer;

/**
 * The submissions of one phase still waiting for their answer, each with its reference time (the intended send time
 * in the latency phase). Records ack latency in microseconds and the arrival of the last answer.
 */
final class AckTracker implements Consumer<Answer> {

    /** Latencies above this are recorded as this (10 minutes is far beyond any timeout used). */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final AtomicInteger expected = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicLong lastAnswerNanos = new AtomicLong();
    private final Histogram latencyMicros = new SynchronizedHistogram(HIGHEST_MICROS, 3);

    /** Must be called before the submission is sent, so that a fast answer is not missed. */
    void expect(String ceId, long referenceNanos) {
        pending.put(ceId, referenceNanos);
        expected.incrementAndGet();
    }

    /** A submission that failed to send: nothing will answer it. */
    void forget(String ceId) {
        if (pending.remove(ceId) != null) {
            expected.decrementAndGet();
        }
    }

    @Override
    public void accept(Answer answer) {
        Long reference = pending.remove(answer.submissionId());
        if (reference == null) {
            return;
        }
        if (answer.acknowledged()) {
            latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (answer.receivedNanos() - reference) / 1_000)));
            acknowledged.incrementAndGet();
        } else {
            rejected.incrementAndGet();
        }
        lastAnswerNanos.accumulateAndGet(answer.receivedNanos(), Math::max);
    }

    /** Waits until every expected submission is answered or {@code timeout} passes. */
    boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    int expected() {
        return expected.get();
    }

    int acknowledged() {
        return acknowledged.get();
    }

    int rejected() {
        return rejected.get();
    }

    int answered() {
        return acknowledged.get() + rejected.get();
    }

    int missing() {
        return pending.size();
    }

    long lastAnswerNanos() {
        return lastAnswerNanos.get();
    }

    Histogram latencyMicros() {
        return latencyMicros;
    }
}
