package org.readmission.simulator;

import java.io.PrintStream;

import org.readmission.simulator.bench.BenchCommand;
import org.readmission.simulator.cases.CaseBenchCommand;
import org.readmission.simulator.demo.SeedDemoCommand;
import org.readmission.simulator.provider.ProviderCommand;
import org.readmission.simulator.simulate.SimulateCommand;

/**
 * Entry point: {@code java -jar partner-simulator.jar [simulate|bench|bench-cases|provider|seed-demo|help] [options]}. Exit codes: 0 success,
 * 1 the run found a problem (or could not run), 2 (bench) a performance target was missed, 64 bad arguments.
 */
public final class PartnerSimulator {

    static final int USAGE_ERROR = 64;

    private PartnerSimulator() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args, "simulate");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try {
            return switch (options.command()) {
                case "simulate" -> SimulateCommand.run(options, out);
                case "bench" -> BenchCommand.run(options, out);
                case "bench-cases" -> CaseBenchCommand.run(options, out);
                case "provider" -> ProviderCommand.run(options, out);
                case "seed-demo" -> SeedDemoCommand.run(options, out);
                case "help", "--help", "-h" -> {
                    usage(out, null);
                    yield 0;
                }
                default -> usage(err, "unknown command '" + options.command() + "'");
            };
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        } catch (IllegalStateException e) {
            err.println("partner-simulator: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("partner-simulator: interrupted");
            return 1;
        }
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("partner-simulator: " + problem);
        }
        stream.println("usage: java -jar partner-simulator.jar " + SimulateCommand.USAGE);
        stream.println("       java -jar partner-simulator.jar " + BenchCommand.USAGE);
        stream.println("       java -jar partner-simulator.jar " + CaseBenchCommand.USAGE);
        stream.println("       java -jar partner-simulator.jar " + ProviderCommand.USAGE);
        stream.println("       java -jar partner-simulator.jar " + SeedDemoCommand.USAGE);
        return problem == null ? 0 : USAGE_ERROR;
    }
}
