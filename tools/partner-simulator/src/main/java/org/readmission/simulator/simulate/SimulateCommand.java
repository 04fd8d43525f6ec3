package org.readmission.simulator.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

import org.readmission.simulator.Options;
import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * {@code simulate [--bootstrap 127.0.0.1:9092] [--count 40] [--seed 1] [--timeout 60s] [--settle 2s] [--valid-only]
 * [--secure] [--kafka-config FILE]}: sends {@code count} valid applications and (unless --valid-only) one of each
 * invalid kind, and checks the answers. With --secure or --kafka-config each party sends as itself to its own topic.
 */
public final class SimulateCommand {

    public static final String USAGE = "simulate [--bootstrap 127.0.0.1:9092] [--count 40] [--seed 1] [--timeout 60s]"
            + " [--settle 2s] [--valid-only] " + KafkaSettings.OPTIONS_USAGE;

    private SimulateCommand() {
    }

    public static int run(Options options, PrintStream out) throws InterruptedException {
        KafkaSettings kafka = KafkaSettings.from(options);
        int count = options.integer("count", 40);
        long seed = options.number("seed", 1);
        Duration timeout = options.duration("timeout", Duration.ofSeconds(60));
        Duration settle = options.duration("settle", Duration.ofSeconds(2));
        boolean validOnly = options.flag("valid-only");
        options.requireAllUsed();
        if (count < 0) {
            throw new IllegalArgumentException("--count must not be negative");
        }
        if (!kafka.secure()) {
            kafka.requireReachable(Duration.ofSeconds(10)); // a secure run checks each sending party (Simulation)
        }
        Instant now = Instant.now();
        SimulationPlan plan = SimulationPlan.of(seed, ApplicationGenerator.runTagOf(now), now, count, !validOnly);
        return new Simulation(kafka, timeout, settle, out).run(plan).exitCode();
    }
}
