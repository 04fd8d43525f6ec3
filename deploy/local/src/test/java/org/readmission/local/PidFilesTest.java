package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

    @TempDir
    Path dir;

    @Test
    void aPidFileCountsOnlyForALiveProcessCarryingItsMarker() throws Exception {
        Path log = dir.resolve("sleeper.log");
        Path pidFile = dir.resolve("sleeper.pid");
        ManagedProcess sleeper = ManagedProcess.startJava("sleeper",
                List.of("-Xmx16m", "-cp", System.getProperty("java.class.path")),
                List.of(Sleeper.class.getName()), dir, log, pidFile);
        try {
            for (int i = 0; i < 200 && !ManagedProcess.tail(log, 5).contains("sleeping"); i++) {
                Thread.sleep(50);
            }
            assertThat(PidFiles.read(pidFile)).hasValue(sleeper.pid());
            assertThat(PidFiles.liveProcess(pidFile, "sleeper")).isPresent();
            assertThat(PidFiles.liveProcess(pidFile, "another-name")).isEmpty();
            assertThat(PidFiles.rssKiB(sleeper.pid())).isPositive();

            // a pid file naming a process without the marker (a recycled pid) is not ours
            Path foreign = dir.resolve("foreign.pid");
            PidFiles.write(foreign, ProcessHandle.current().pid());
            assertThat(PidFiles.liveProcess(foreign, "foreign")).isEmpty();
        } finally {
            sleeper.stop(Duration.ofSeconds(10));
        }
        assertThat(sleeper.isAlive()).isFalse();
        // removed when the process exits
        for (int i = 0; i < 50 && Files.exists(pidFile); i++) {
            Thread.sleep(50);
        }
        assertThat(pidFile).doesNotExist();
        assertThat(ManagedProcess.tail(log, 5)).contains("sleeping");
    }

    /** A child process for the test. */
    public static final class Sleeper {
        public static void main(String[] args) throws Exception {
            System.out.println("sleeping");
            Thread.sleep(60_000);
        }
    }
}
