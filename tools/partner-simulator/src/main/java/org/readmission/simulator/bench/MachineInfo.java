package org.readmission.simulator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine a benchmark ran on: date, cores, memory, CPU model, OS and {@code java -version}. */
public record MachineInfo(String date, int cores, String cpu, String memory, String os, List<String> javaVersion) {

    public static MachineInfo current() {
        return new MachineInfo(
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                procLine("/proc/meminfo", "MemTotal").map(MachineInfo::gibibytes).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                readJavaVersion());
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "24684092 kB" -> "23.5 GiB". */
    private static String gibibytes(String meminfo) {
        try {
            long kibibytes = Long.parseLong(meminfo.replace("kB", "").trim());
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kibibytes / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return meminfo;
        }
    }

    /** The output of {@code java -version} of the JVM running the benchmark. */
    private static List<String> readJavaVersion() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(10, TimeUnit.SECONDS) && !output.isBlank()) {
                return output.lines().toList();
            }
        } catch (IOException e) {
            // fall back to the properties below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.of(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }
}
