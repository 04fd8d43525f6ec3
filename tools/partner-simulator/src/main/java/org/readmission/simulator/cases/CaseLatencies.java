package org.readmission.simulator.cases;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** The outcome of one way of driving the cases: how many reached decided, when, and the per-case latencies. */
record CaseLatencies(String name, int cases, int decided, int readyForVerification, double seconds, Histogram toDecidedMicros,
                     Histogram toReadyMicros) {

    /** Latencies above this are recorded as this. */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(30);

    static Histogram histogram() {
        return new org.HdrHistogram.SynchronizedHistogram(HIGHEST_MICROS, 3);
    }

    static void record(Histogram histogram, long fromNanos, long toNanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (toNanos - fromNanos) / 1_000)));
    }

    boolean complete() {
        return decided == cases;
    }

    /** Cases per second, first case started to last case decided; 0 when nothing was decided. */
    double rate() {
        return seconds > 0 && decided > 0 ? decided / seconds : 0;
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }
}
