package org.readmission.caseview.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The store a benchmark run uses when none is given ({@code --spring.data.mongodb.uri=...} points it at, e.g., the
 * local stack's): mongo-java-server on 127.0.0.1 in this JVM, in memory or ({@code --readmission.case-view.benchmark-store=h2})
 * with the H2 (MVStore) file backend the local stack uses, in a temporary file. Also the defaults that make the
 * service a benchmark: a random port, no Kafka consumer, no topic creation.
 */
public final class BenchmarkStore {

    public static final String SIZES = "--readmission.case-view.benchmark=";
    private static final String STORE = "--readmission.case-view.benchmark-store=";

    private BenchmarkStore() {
    }

    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(SIZES));
    }

    /** Starts the store if needed; returns the default properties of a benchmark run. */
    public static Map<String, Object> start(String[] args) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "0");
        defaults.put("readmission.case-view.projection.enabled", "false");
        defaults.put("spring.kafka.admin.auto-create", "false");
        defaults.put("management.health.mongo.enabled", "false");
        defaults.put("logging.level.root", "WARN");
        defaults.put("spring.main.banner-mode", "off");
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--spring.data.mongodb.uri="))) {
            String backendName = Arrays.stream(args).filter(a -> a.startsWith(STORE)).map(a -> a.substring(STORE.length()))
                    .findFirst().orElse("memory");
            MongoBackend backend = "h2".equals(backendName) ? new H2Backend(temporaryFile()) : new MemoryBackend();
            MongoServer server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            InetSocketAddress address = server.getLocalAddress();
            defaults.put("spring.data.mongodb.uri", "mongodb://127.0.0.1:" + address.getPort() + "/case_view_benchmark");
            defaults.put("readmission.case-view.benchmark-store", "h2".equals(backendName)
                    ? "mongo-java-server 1.47.0, H2 MVStore file backend (in this JVM, over TCP)"
                    : "mongo-java-server 1.47.0, memory backend (in this JVM, over TCP)");
        } else {
            defaults.put("readmission.case-view.benchmark-store", "the store at --spring.data.mongodb.uri");
        }
        return defaults;
    }

    private static String temporaryFile() {
        try {
            Path dir = Files.createTempDirectory("case-view-benchmark");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("case-view.mv");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
