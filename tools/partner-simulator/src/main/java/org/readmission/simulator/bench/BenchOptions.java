package org.readmission.simulator.bench;

import java.time.Duration;

import org.readmission.simulator.Options;
import org.readmission.simulator.generator.Parties;

/** The parameters of one benchmark run. */
public record BenchOptions(String bootstrap, int count, int rate, int latencySeconds, String sender, Duration ackTimeout,
                           long seed, Duration progressEvery) {

    static BenchOptions from(Options options) {
        BenchOptions bench = new BenchOptions(
                options.text("bootstrap", "127.0.0.1:9092"),
                options.integer("count", 20_000),
                options.integer("rate", 200),
                options.integer("latency-seconds", 30),
                options.text("sender", Parties.DE_BPOL),
                options.duration("ack-timeout", Duration.ofSeconds(120)),
                options.number("seed", 1),
                options.duration("progress-every", Duration.ofSeconds(5)));
        options.requireAllUsed();
        if (bench.count < 1 || bench.rate < 1 || bench.latencySeconds < 1) {
            throw new IllegalArgumentException("--count, --rate and --latency-seconds must be at least 1");
        }
        if (!Parties.AZ_SMS.equals(bench.sender) && !Parties.MEMBER_STATE_AUTHORITIES.contains(bench.sender)) {
            throw new IllegalArgumentException("--sender must be a party that submits applications: " + Parties.AZ_SMS
                    + " or one of " + Parties.MEMBER_STATE_AUTHORITIES);
        }
        return bench;
    }

    /** Submissions offered in the latency phase. */
    int latencyCount() {
        return Math.multiplyExact(rate, latencySeconds);
    }
}
