package org.readmission.simulator.cases;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.simulator.Options;
import org.readmission.simulator.bench.MachineInfo;
import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.generator.Direction;
import org.readmission.simulator.generator.Parties;
import org.readmission.simulator.generator.SubmissionFactory;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * {@code bench-cases}: N cases through the automated path end to end over Kafka (partner decisions instead of
 * officers), then the same N cases on a bare in-process engine with the same model and no-op beans. Exit 0 when both
 * targets are met, 2 when the run completed but a target was missed, 1 when cases did not reach decided in time.
 */
public final class CaseBenchCommand {

    public static final String USAGE = "bench-cases [--bootstrap 127.0.0.1:9092] [--cases 500] [--sender DE-BPOL]"
            + " [--timeout 300s] [--seed 1] [--progress-every 5s] [--skip-e2e]";

    static final double TARGET_CASES_PER_SECOND = 50;
    static final double TARGET_RATIO_TO_BARE = 0.5;
    static final int MAX_PERSONS = 3;
    static final int DRIVER_THREADS = 2;
    static final int MISSING_LISTED = 20;

    record CaseBenchOptions(String bootstrap, int cases, String sender, Duration timeout, long seed, Duration progressEvery,
                            boolean skipEndToEnd) {

        static CaseBenchOptions from(Options options) {
            CaseBenchOptions parsed = new CaseBenchOptions(options.text("bootstrap", "127.0.0.1:9092"),
                    options.integer("cases", 500), options.text("sender", Parties.DE_BPOL),
                    options.duration("timeout", Duration.ofSeconds(300)), options.number("seed", 1),
                    options.duration("progress-every", Duration.ofSeconds(5)), options.flag("skip-e2e"));
            options.requireAllUsed();
            if (parsed.cases < 1) {
                throw new IllegalArgumentException("--cases must be at least 1");
            }
            if (!Parties.AZ_SMS.equals(parsed.sender) && !Parties.MEMBER_STATE_AUTHORITIES.contains(parsed.sender)) {
                throw new IllegalArgumentException("--sender must be a party that submits applications: " + Parties.AZ_SMS
                        + " or one of " + Parties.MEMBER_STATE_AUTHORITIES);
            }
            return parsed;
        }
    }

    private CaseBenchCommand() {
    }

    public static int run(Options options, PrintStream out) throws InterruptedException {
        CaseBenchOptions o = CaseBenchOptions.from(options);
        Instant now = Instant.now();
        String runTag = ApplicationGenerator.runTagOf(now);
        Direction direction = ApplicationGenerator.directionOf(o.sender());
        SubmissionFactory factory = new SubmissionFactory(runTag);
        List<CaseSpec> specs = generate(new ApplicationGenerator(o.seed(), runTag, now), factory, direction, o.cases());
        KafkaSettings kafka = new KafkaSettings(o.bootstrap());
        if (!o.skipEndToEnd()) {
            kafka.requireReachable(Duration.ofSeconds(10));
        }

        MachineInfo machine = MachineInfo.current();
        out.println("Case benchmark (automated path: partner decisions instead of officers)");
        out.println("  date        " + machine.date());
        out.println("  machine     " + machine.cores() + " cores, " + machine.cpu() + ", memory " + machine.memory());
        out.println("  os          " + machine.os());
        machine.javaVersion().forEach(line -> out.println("  java        " + line));
        out.printf(Locale.ROOT, "  parameters  --bootstrap %s --cases %d --sender %s --timeout %ds --seed %d%s%n", o.bootstrap(),
                o.cases(), o.sender(), o.timeout().toSeconds(), o.seed(), o.skipEndToEnd() ? " --skip-e2e" : "");
        out.printf(Locale.ROOT, "  cases       %s -> %s, run %s, %d persons in all (1-%d per case)%n", direction.requesting(),
                direction.requested(), runTag, specs.stream().mapToInt(s -> s.personIds().size()).sum(), MAX_PERSONS);
        out.println();

        EndToEndPhase.Result e2e = null;
        if (!o.skipEndToEnd()) {
            out.println("a) End to end over Kafka");
            CpuAccount cpu = CpuAccount.start();
            e2e = new EndToEndPhase(kafka, factory.codec(), runTag, o.timeout(), o.progressEvery(), out).run(specs);
            CpuAccount.Usage used = cpu.stop();
            print(out, e2e.latencies());
            used.print(out, e2e.latencies().decided(), machine.cores());
            out.printf(Locale.ROOT, "   acknowledged %d, verification results sent %d, decisions sent %d, send failures %d%n",
                    e2e.acknowledged(), e2e.verificationResultsSent(), e2e.decisionsSent(), e2e.sendFailures());
            if (!e2e.missing().isEmpty()) {
                out.printf("   %d case(s) not decided within %ds:%n", e2e.missing().size(), o.timeout().toSeconds());
                e2e.missing().stream().limit(MISSING_LISTED).forEach(m -> out.println("     " + m));
                if (e2e.missing().size() > MISSING_LISTED) {
                    out.println("     ...");
                }
            }
            out.println();
        }

        out.println("b) Bare engine: same model, same cases, in-process engine (H2 in memory, history audit), no-op beans, no Kafka");
        CpuAccount bareCpu = CpuAccount.startThisProcessOnly();
        CaseLatencies bare = new BareEnginePhase(o.timeout(), o.progressEvery(), out, DRIVER_THREADS).run(specs);
        CpuAccount.Usage bareUsed = bareCpu.stop();
        print(out, bare);
        bareUsed.print(out, bare.decided(), machine.cores());
        out.println();

        if (e2e == null) {
            return bare.complete() ? 0 : 1;
        }
        CaseLatencies end = e2e.latencies();
        double ratio = bare.rate() > 0 ? end.rate() / bare.rate() : 0;
        boolean rateMet = end.complete() && end.rate() >= TARGET_CASES_PER_SECOND;
        boolean ratioMet = end.complete() && bare.complete() && ratio >= TARGET_RATIO_TO_BARE;
        out.println("c) Targets");
        out.printf(Locale.ROOT, "   end to end / bare engine = %.1f / %.1f cases/s = %.3f%n", end.rate(), bare.rate(), ratio);
        out.printf(Locale.ROOT, "   %-26s %-16s %-22s %s%n", "cases/s end to end", String.format(Locale.ROOT, "%.1f", end.rate()),
                ">= 50", rateMet ? "MET" : "NOT MET");
        out.printf(Locale.ROOT, "   %-26s %-16s %-22s %s%n", "ratio to bare engine", String.format(Locale.ROOT, "%.3f", ratio),
                ">= 0.5", ratioMet ? "MET" : "NOT MET");
        if (!end.complete() || !bare.complete()) {
            out.println("   incomplete run: not every case reached decided");
            return 1;
        }
        return rateMet && ratioMet ? 0 : 2;
    }

    private static void print(PrintStream out, CaseLatencies result) {
        out.printf(Locale.ROOT, "   decided %d of %d, ready for verification %d; first start -> last decided %.2f s  =>  %.1f cases/s%n",
                result.decided(), result.cases(), result.readyForVerification(), result.seconds(), result.rate());
        out.printf(Locale.ROOT, "   start -> decided ms:                 p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                CaseLatencies.millis(result.toDecidedMicros(), 50), CaseLatencies.millis(result.toDecidedMicros(), 90),
                CaseLatencies.millis(result.toDecidedMicros(), 99), CaseLatencies.millis(result.toDecidedMicros(), 100));
        out.printf(Locale.ROOT, "   start -> ready for verification ms:  p50 %.1f  p99 %.1f%n",
                CaseLatencies.millis(result.toReadyMicros(), 50), CaseLatencies.millis(result.toReadyMicros(), 99));
    }

    /** Valid applications of 1 to {@value #MAX_PERSONS} persons (larger families are drawn again). */
    static List<CaseSpec> generate(ApplicationGenerator generator, SubmissionFactory factory, Direction direction, int count) {
        List<CaseSpec> specs = new ArrayList<>(count);
        while (specs.size() < count) {
            ReadmissionApplicationSubmitted application = generator.next(direction);
            if (application.getPersons().size() <= MAX_PERSONS) {
                specs.add(CaseSpec.of(factory.valid(application)));
            }
        }
        return specs;
    }
}
