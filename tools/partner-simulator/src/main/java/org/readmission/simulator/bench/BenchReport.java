package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Prints the benchmark: machine and parameters, each phase's result, and whether the targets are met. */
final class BenchReport {

    static final double TARGET_SUBMISSIONS_PER_SECOND = 2_000;
    static final double TARGET_RATIO_TO_BARE = 0.5;
    static final double TARGET_P99_MILLIS = 50;
    static final int TARGET_P99_RATE = 200;

    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void header(MachineInfo machine, BenchOptions options, String direction, int partitions) {
        out.println("Partner gateway benchmark");
        out.println("  date        " + machine.date());
        out.println("  machine     " + machine.cores() + " cores, " + machine.cpu() + ", memory " + machine.memory());
        out.println("  os          " + machine.os());
        machine.javaVersion().forEach(line -> out.println("  java        " + line));
        out.printf(Locale.ROOT, "  parameters  --bootstrap %s --count %d --rate %d --latency-seconds %d --sender %s"
                        + " --ack-timeout %ds --seed %d%n", options.bootstrap(), options.count(), options.rate(),
                options.latencySeconds(), options.sender(), options.ackTimeout().toSeconds(), options.seed());
        out.printf(Locale.ROOT, "  direction   %s; readmission.partner-submissions has %d partition(s)%n", direction, partitions);
        out.println();
    }

    void throughput(ThroughputPhase.Result result) {
        out.println("a) Throughput: " + result.sent() + " valid applications, async sends, one producer, acks=all");
        out.printf(Locale.ROOT, "   produced in %.2f s (%.0f records/s offered)%n", result.produceSeconds(),
                result.produceSeconds() > 0 ? result.sent() / result.produceSeconds() : 0);
        out.printf(Locale.ROOT, "   acknowledged %d, rejected %d, missing %d, send failures %d%n", result.acknowledged(),
                result.rejected(), result.missing(), result.sendFailures());
        out.printf(Locale.ROOT, "   first send -> last answer: %.2f s  =>  %.1f validated submissions/s through the gateway%n",
                result.seconds(), result.rate());
        out.println();
    }

    void latency(LatencyPhase.Result result) {
        out.printf(Locale.ROOT, "b) Latency at a fixed offered rate: %d submissions/s for %d submissions (paced by schedule,"
                + " latency from the intended send time)%n", result.rate(), result.offered());
        out.printf(Locale.ROOT, "   achieved rate %.1f/s, largest send lag behind schedule %.2f ms%n", result.achievedRate(),
                result.maxSendLagMillis());
        out.printf(Locale.ROOT, "   acknowledged %d, rejected %d, missing %d, send failures %d%n", result.acknowledged(),
                result.rejected(), result.missing(), result.sendFailures());
        if (result.latencyMicros().getTotalCount() > 0) {
            out.printf(Locale.ROOT, "   ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", result.percentileMillis(50),
                    result.percentileMillis(90), result.percentileMillis(99), result.maxMillis());
        } else {
            out.println("   ack latency: no acknowledgement arrived");
        }
        out.println();
    }

    void bare(BareConsumerPhase.Result result) {
        out.println("c) Bare consumer: fresh group, the records of (a), decode only");
        out.printf(Locale.ROOT, "   read %d records (%d decoded, %d undecodable) in %.2f s  =>  %.1f records/s%s%n",
                result.records(), result.decoded(), result.undecodable(), result.seconds(), result.rate(),
                result.complete() ? "" : " (stopped at the timeout before the end)");
        out.println();
    }

    /** @return true when every target is met */
    boolean targets(ThroughputPhase.Result throughput, LatencyPhase.Result latency, BareConsumerPhase.Result bare) {
        double ratio = bare.rate() > 0 ? throughput.rate() / bare.rate() : 0;
        boolean rateMet = throughput.rate() >= TARGET_SUBMISSIONS_PER_SECOND && throughput.complete();
        boolean ratioMet = ratio >= TARGET_RATIO_TO_BARE && throughput.complete();
        boolean p99Met = latency.latencyMicros().getTotalCount() > 0 && latency.complete()
                && latency.percentileMillis(99) < TARGET_P99_MILLIS;
        out.println("d) Targets");
        out.printf(Locale.ROOT, "   gateway / bare consumer = %.1f / %.1f = %.3f%n", throughput.rate(), bare.rate(), ratio);
        line("gateway throughput", String.format(Locale.ROOT, "%.1f submissions/s", throughput.rate()),
                ">= 2000 submissions/s sustained", rateMet);
        line("ratio to bare consumer", String.format(Locale.ROOT, "%.3f", ratio), ">= 0.5", ratioMet);
        line("p99 ack latency", latency.latencyMicros().getTotalCount() == 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.2f ms at %d/s", latency.percentileMillis(99), latency.rate()),
                "< 50 ms at " + TARGET_P99_RATE + "/s", p99Met);
        if (latency.rate() != TARGET_P99_RATE) {
            out.println("   (note: the latency target is defined at " + TARGET_P99_RATE + "/s; this run offered "
                    + latency.rate() + "/s)");
        }
        if (!throughput.complete() || !latency.complete()) {
            out.println("   (answers were missing or sends failed: the run is incomplete, see above)");
        }
        return rateMet && ratioMet && p99Met;
    }

    private void line(String what, String value, String target, boolean met) {
        out.printf(Locale.ROOT, "   %-24s %-28s target %-32s %s%n", what, value, target, met ? "MET" : "NOT MET");
    }
}
