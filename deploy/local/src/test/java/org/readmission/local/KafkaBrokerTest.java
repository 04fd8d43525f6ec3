package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts a real KRaft broker as a child process, creates the core topics, lists them, stops it. */
class KafkaBrokerTest {

    @TempDir
    Path dir;

    /**
     * The broker's classpath as {@code stack up} gives it: the module's runtime dependencies copied to
     * {@code target/lib} (before the tests, at process-classes) and its classes; not this test JVM's classpath, which
     * also holds the test-scoped dependencies and so would hide a runtime dependency the broker lacks.
     */
    static String launcherClasspath() {
        return Path.of("target/lib").toAbsolutePath() + File.separator + "*" + File.pathSeparator
                + Path.of("target/classes").toAbsolutePath();
    }

    @Test
    @Timeout(value = 50, unit = TimeUnit.SECONDS)
    void startsAKraftBrokerAndCreatesTheCoreTopicsIdempotently() throws Exception {
        int port = Ports.freePort(Ports.HOST);
        int controllerPort = Ports.freePort(Ports.HOST);
        Path log = dir.resolve("kafka.log");
        KafkaBroker broker = new KafkaBroker(Ports.HOST, port, controllerPort, dir.resolve("kafka"), log,
                launcherClasspath(), KafkaBroker.defaultJvmArgs());

        assertThat(broker.formatIfNeeded(dir)).as("first start formats").isTrue();
        String clusterId = Files.readString(broker.clusterIdFile()).strip();
        assertThat(broker.formatIfNeeded(dir)).as("second time: already formatted").isFalse();
        assertThat(broker.clusterId()).isEqualTo(clusterId);

        ManagedProcess process = broker.start(dir, dir.resolve("kafka.pid"));
        Thread safety = new Thread(() -> process.process().destroyForcibly());
        Runtime.getRuntime().addShutdownHook(safety); // even if this JVM is stopped mid-test
        try {
            HealthWait.Result health = HealthWait.await(process, HealthWait.kafka(Ports.HOST, port), Duration.ofSeconds(40));
            assertThat(health.ready()).as("broker healthy; log tail:%n%s", String.join("\n", ManagedProcess.tail(log, 40)))
                    .isTrue();

            List<StackFiles.TopicSpec> topics = StackFiles.readTopics(Path.of("topics.txt"));
            try (Admin admin = TopicSetup.admin(broker.bootstrapServers())) {
                TopicSetup.Outcome first = TopicSetup.ensure(admin, topics, (short) 1, Duration.ofSeconds(20));
                assertThat(first.created()).hasSize(topics.size());

                TopicSetup.Outcome again = TopicSetup.ensure(admin, topics, (short) 1, Duration.ofSeconds(20));
                assertThat(again.created()).isEmpty();
                assertThat(again.alreadyPresent()).hasSize(topics.size());

                Set<String> listed = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                assertThat(listed).containsAll(topics.stream().map(StackFiles.TopicSpec::name).toList());

                TopicDescription events = admin.describeTopics(List.of("readmission.case-events"))
                        .allTopicNames().get(10, TimeUnit.SECONDS).get("readmission.case-events");
                assertThat(events.partitions()).hasSize(3);
                assertThat(events.partitions().get(0).replicas()).hasSize(1);
            }
        } finally {
            int exit = process.stop(Duration.ofSeconds(15));
            Runtime.getRuntime().removeShutdownHook(safety);
            assertThat(process.isAlive()).isFalse();
            assertThat(exit).as("clean shutdown on SIGTERM").isIn(0, 143);
        }
        assertThat(Files.readString(log)).contains("Kafka Server started").contains("shut down completed");
    }
}
