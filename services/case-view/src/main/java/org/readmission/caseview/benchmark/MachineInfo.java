package org.readmission.caseview.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the figures were measured on. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void print(PrintStream out, String store) {
        Runtime runtime = Runtime.getRuntime();
        var os = ManagementFactory.getOperatingSystemMXBean();
        out.println("case-view benchmark");
        out.printf("machine: %s %s, %d CPU cores (%s), load average %.2f at start%n", System.getProperty("os.name"),
                System.getProperty("os.arch"), runtime.availableProcessors(), cpuModel().orElse("model unknown"),
                os.getSystemLoadAverage());
        out.printf("java: %s %s, max heap %d MiB, GC %s%n", System.getProperty("java.vm.name"), System.getProperty("java.version"),
                runtime.maxMemory() / (1024 * 1024), ManagementFactory.getGarbageCollectorMXBeans().get(0).getName());
        out.printf("store: %s%n", store);
        out.println("note: the cores may be shared with other builds; a high load average inflates the figures");
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
