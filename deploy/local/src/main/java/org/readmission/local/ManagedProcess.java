package org.readmission.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One part of the stack running as its own OS process: started with {@link ProcessBuilder}, output
 * appended to its log file, its pid written to a pid file. The command line carries the marker
 * {@code -Dreadmission.stack=<name>} so that {@code stack down} and {@code stack status} can tell
 * our processes from a recycled pid.
 */
public final class ManagedProcess {

    public static final String MARKER = "-Dreadmission.stack=";

    /** First line written to the log before each start; {@link #tail} shows only the latest run. */
    static final String RUN_HEADER = "==== ";

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private final long startedNanos;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
        this.startedNanos = System.nanoTime();
    }

    /**
     * Starts {@code java <jvmArgs> -Dreadmission.stack=<name> <mainArgs>} with the JVM running this code.
     * The process gets its own session (setsid), so a Ctrl-C in the terminal reaches only the launcher,
     * which then stops the parts in order.
     *
     * @param pidFile where to write the pid, or null
     */
    public static ManagedProcess startJava(String name, List<String> jvmArgs, List<String> mainArgs,
                                           Path workDir, Path logFile, Path pidFile) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(javaExecutable());
        command.addAll(jvmArgs);
        command.add(MARKER + name);
        command.addAll(mainArgs);

        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Files.writeString(logFile, RUN_HEADER + name + " started by deploy/local/stack at " + java.time.Instant.now()
                        + " ====\n", java.nio.charset.StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        ManagedProcess managed = new ManagedProcess(name, process, logFile, pidFile);
        if (pidFile != null) {
            PidFiles.write(pidFile, process.pid());
            process.onExit().thenRun(() -> PidFiles.deleteIfOwnedBy(pidFile, process.pid()));
        }
        return managed;
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** SIGTERM, wait up to {@code grace}, then SIGKILL. Returns the exit code, or -1 if unknown. */
    public int stop(Duration grace) {
        stop(process.toHandle(), grace);
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Stops any process (ours or one found through a pid file): SIGTERM, wait up to {@code grace},
     * then SIGKILL. Returns true when it had to be killed.
     */
    public static boolean stop(ProcessHandle handle, Duration grace) {
        if (!PidFiles.isRunning(handle)) {
            return false;
        }
        handle.destroy();
        if (waitForExit(handle, grace)) {
            return false;
        }
        handle.destroyForcibly();
        waitForExit(handle, Duration.ofSeconds(10));
        return true;
    }

    /**
     * Waits until the process has exited, polling every 50 ms (ProcessHandle.onExit() of a process
     * that is not our child polls with growing pauses and answers seconds late). True when it exited.
     */
    public static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (PidFiles.isRunning(handle)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !PidFiles.isRunning(handle);
            }
        }
        return true;
    }

    /** The last {@code n} lines of a log file written since the latest start (empty when none). */
    public static List<String> tail(Path file, int n) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            long size = Files.size(file);
            byte[] bytes;
            try (var channel = Files.newByteChannel(file)) {
                long from = Math.max(0, size - 64 * 1024);
                channel.position(from);
                var buffer = java.nio.ByteBuffer.allocate((int) (size - from));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // keep reading
                }
                bytes = buffer.array();
            }
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            if (text.isBlank()) {
                return List.of();
            }
            String[] lines = text.split("\\R");
            int latestRun = 0;
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].startsWith(RUN_HEADER)) {
                    latestRun = i + 1;
                    break;
                }
            }
            int start = Math.max(latestRun, lines.length - n);
            return List.of(lines).subList(start, lines.length);
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }
}
