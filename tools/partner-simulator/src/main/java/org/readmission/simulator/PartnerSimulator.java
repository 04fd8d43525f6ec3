package org.readmission.simulator;

import java.io.PrintStream;
import java.util.List;

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
            refuseSecureWhereOpenOnly(options);
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
        } catch (org.apache.kafka.common.errors.AuthenticationException
                 | org.apache.kafka.common.errors.AuthorizationException e) {
            // a refusal the command did not put into words itself (KafkaRefusal): still one line, no stack trace
            err.println("partner-simulator: Kafka refused the client: " + e.getMessage()
                    + ". On the local stack: deploy/local/stack up --secure creates the users and ACLs; is the stack"
                    + " running in secure mode, and was --secure given here?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("partner-simulator: interrupted");
            return 1;
        }
    }

    /**
     * {@code bench}, {@code bench-cases} and {@code seed-demo} play every party from one client on the shared topic and
     * read topics no party may read; they run only against the open local stack.
     */
    static void refuseSecureWhereOpenOnly(Options options) {
        String command = options.command();
        if (List.of("bench", "bench-cases", "seed-demo").contains(command)
                && (options.has("secure") || options.has("kafka-config"))) {
            throw new IllegalArgumentException(command + " runs only against the open (non-secure) local stack,"
                    + " deploy/local/stack up without --secure: it plays every party from one client on the shared"
                    + " readmission.partner-submissions" + ("seed-demo".equals(command) ? " and readmission.case-commands" : "")
                    + ", which no party may write under the ACLs of deploy/kafka-security, so it takes neither --secure nor"
                    + " --kafka-config. Against a secure broker use 'simulate --secure' or 'provider --secure'.");
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
