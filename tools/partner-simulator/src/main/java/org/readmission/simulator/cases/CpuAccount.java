package org.readmission.simulator.cases;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the CPU went during a phase: CPU time used by this process (the driver, or the bare engine in it) and by
 * each process of the local stack on this machine, found by the marker {@code -Dreadmission.stack=<name>} that
 * {@code deploy/local/stack} puts on every command line it starts. Read from the operating system
 * ({@link ProcessHandle.Info#totalCpuDuration()}), so it costs nothing while the phase runs. Divided by the cases, it
 * says how many CPU milliseconds each part spends per case, and so what the machine can do at most.
 */
final class CpuAccount {

    private static final Pattern STACK_MARKER = Pattern.compile("-Dreadmission\\.stack=([\\w.-]+)");
    static final String DRIVER = "this process";

    private final boolean withStack;
    private final Map<String, Long> startNanos;
    private final long wallStart = System.nanoTime();

    private CpuAccount(boolean withStack) {
        this.withStack = withStack;
        this.startNanos = snapshot(withStack);
    }

    /** This process and the local stack's processes. */
    static CpuAccount start() {
        return new CpuAccount(true);
    }

    /** This process only (the bare engine runs in it; the idle stack is not part of it). */
    static CpuAccount startThisProcessOnly() {
        return new CpuAccount(false);
    }

    /** CPU time per process since {@link #start()}, for processes seen at both ends. */
    record Usage(Map<String, Duration> cpu, Duration wall) {

        Duration total() {
            return cpu.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        void print(PrintStream out, int cases, int cores) {
            out.printf(Locale.ROOT, "   CPU during the phase (%d cases, %.1f s wall, %d cores = %.1f CPU-s available):%n", cases,
                    wall.toMillis() / 1000.0, cores, cores * wall.toMillis() / 1000.0);
            cpu.forEach((name, used) -> out.printf(Locale.ROOT, "     %-24s %8.1f CPU-s  %8.1f CPU-ms per case%n", name,
                    used.toMillis() / 1000.0, cases == 0 ? 0 : used.toMillis() / (double) cases));
            Duration total = total();
            out.printf(Locale.ROOT, "     %-24s %8.1f CPU-s  %8.1f CPU-ms per case  =>  at most %.1f cases/s on %d cores%n", "all",
                    total.toMillis() / 1000.0, cases == 0 ? 0 : total.toMillis() / (double) cases,
                    total.isZero() || cases == 0 ? 0 : cores * 1000.0 * cases / total.toMillis(), cores);
        }
    }

    Usage stop() {
        Map<String, Long> end = snapshot(withStack);
        Map<String, Duration> used = new LinkedHashMap<>();
        end.forEach((name, nanos) -> {
            Long before = startNanos.get(name);
            if (before != null) {
                used.put(name, Duration.ofNanos(Math.max(0, nanos - before)));
            }
        });
        return new Usage(used, Duration.ofNanos(System.nanoTime() - wallStart));
    }

    private static Map<String, Long> snapshot(boolean withStack) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        cpu.put(DRIVER, ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
        if (!withStack) {
            return cpu;
        }
        List<ProcessHandle> all = ProcessHandle.allProcesses().toList();
        for (ProcessHandle process : all) {
            if (process.pid() == ProcessHandle.current().pid()) {
                continue;
            }
            ProcessHandle.Info info = process.info();
            Optional<String> name = info.commandLine().map(STACK_MARKER::matcher).filter(Matcher::find).map(m -> m.group(1));
            Optional<Duration> used = info.totalCpuDuration();
            if (name.isPresent() && used.isPresent() && !"launcher".equals(name.get())) {
                cpu.merge(name.get(), used.get().toNanos(), Long::sum);
            }
        }
        return cpu;
    }
}
