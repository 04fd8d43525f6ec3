package org.readmission.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Pid files under {@code .local-data/run/} and what {@code /proc} says about those pids. */
public final class PidFiles {

    private PidFiles() {
    }

    public static void write(Path pidFile, long pid) throws IOException {
        Files.createDirectories(pidFile.toAbsolutePath().getParent());
        Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
        Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static OptionalLong read(Path pidFile) {
        try {
            String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public static void deleteIfOwnedBy(Path pidFile, long pid) {
        OptionalLong current = read(pidFile);
        if (current.isPresent() && current.getAsLong() == pid) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file is detected and removed later
            }
        }
    }

    /**
     * The live process recorded in {@code pidFile}, if it still runs and its command line carries
     * the marker {@code -Dreadmission.stack=<name>} (a recycled pid is not ours).
     */
    public static Optional<ProcessHandle> liveProcess(Path pidFile, String name) {
        OptionalLong pid = read(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(PidFiles::isRunning)
                .filter(h -> hasMarker(h.pid(), name));
    }

    /**
     * True while the process runs. A zombie (exited, not yet reaped by its parent — e.g. an orphan
     * waiting for a slow init) counts as gone: ProcessHandle.isAlive() would still say true.
     */
    public static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            return handle.isAlive();
        }
    }

    static boolean hasMarker(long pid, String name) {
        String marker = ManagedProcess.MARKER + name;
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            return args.contains(marker);
        } catch (IOException e) {
            return ProcessHandle.of(pid)
                    .flatMap(h -> h.info().arguments())
                    .map(a -> Arrays.asList(a).contains(marker))
                    .orElse(false);
        }
    }

    /** Resident set size in KiB from {@code /proc/<pid>/status} (VmRSS), or -1. */
    public static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] f = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(f[0]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // process gone
        }
        return -1;
    }
}
