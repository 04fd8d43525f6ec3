package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Prints a progress line every few seconds while a long phase runs. */
public final class Progress implements AutoCloseable {

    private final ScheduledExecutorService timer;

    public Progress(PrintStream out, Duration every, String phase, Supplier<String> status) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress-" + phase);
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        long millis = Math.max(100, every.toMillis());
        timer.scheduleAtFixedRate(() -> out.printf("  [%s %5.1f s] %s%n", phase, (System.nanoTime() - start) / 1e9, status.get()),
                millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
