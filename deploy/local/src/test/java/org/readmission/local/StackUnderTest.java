package org.readmission.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;

/**
 * The system under a system test: a real KRaft broker, the MongoDB-wire store (in this JVM), the core topics and some
 * services from their fat jars, each its own process on a free port of 127.0.0.1, as {@code deploy/local/stack up} runs
 * them (same arguments, modest heaps). Services start side by side; each must answer its health check. Everything
 * started is stopped by {@link #close()}, and by a shutdown hook if the test JVM is stopped first.
 *
 * <pre>
 * stack = new StackUnderTest(data, Path.of("target/system-test"), Store.IN_MEMORY);
 * stack.start(List.of(Service.of("partner-gateway"), Service.of("case-workflow", "--readmission.data-dir=" + dir)));
 * stack.send(Topics.PARTNER_SUBMISSIONS, applicationId, application, ceId, "DE-BPOL", null);
 * </pre>
 */
final class StackUnderTest implements AutoCloseable {

    /**
     * A service of {@code services/<name>}, started from {@code services/<name>/target/<name>.jar}. In its arguments,
     * {@code ${url:<other service>}} stands for the other service's base URL (e.g. case-view's task API).
     */
    record Service(String name, Path jar, List<String> extraArgs) {

        static Service of(String name, String... extraArgs) {
            return new Service(name, Path.of("../../services", name, "target", name + ".jar"), List.of(extraArgs));
        }

        /**
         * The stack's OIDC provider, issuing as {@code ${url:auth-server}}; with {@code workspace}, case-view of this
         * stack is its workspace client's redirect and post-logout target. Services trust it with
         * {@link #TRUST_THE_AUTH_SERVER}.
         */
        static Service authServer(Path dataDir, boolean workspace) {
            List<String> args = new ArrayList<>(List.of("--readmission.data-dir=" + dataDir.toAbsolutePath(),
                    "--ISSUER=${url:auth-server}"));
            if (workspace) {
                args.add("--WORKSPACE_URL=${url:case-view}");
            }
            return new Service("auth-server", Path.of("../../services/auth-server/target/auth-server.jar"), List.copyOf(args));
        }
    }

    /** The argument that makes a service (case-workflow, case-view) trust and use the stack's auth-server. */
    static final String TRUST_THE_AUTH_SERVER = "--OIDC_ISSUER=${url:auth-server}";

    /** The officers' tokens of this stack (its auth-server must be running). */
    StackTokens tokens() {
        URI workspace = ports.containsKey("case-view") ? url("case-view") : URI.create("http://127.0.0.1:8080");
        return new StackTokens(url("auth-server"), workspace);
    }

    /** Where the MongoDB-wire store keeps its data: an H2 file under the data directory (as the stack), or memory. */
    enum Store { H2_FILE, IN_MEMORY }

    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

    private final Path data;
    private final Path logs;
    private final EventCatalog catalog = EventCatalog.v1();
    private final AvroCodec codec = new AvroCodec(catalog);
    private final List<ManagedProcess> started = new CopyOnWriteArrayList<>();
    private final Store storeKind;
    private final Map<String, Service> specs = new LinkedHashMap<>();
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private final Thread killChildrenOnExit = new Thread(() -> started.forEach(p -> p.process().destroyForcibly()));

    private ManagedProcess broker;
    private MongoWireStore store;
    private String bootstrap;
    private KafkaProducer<String, byte[]> producer;

    StackUnderTest(Path data, Path logs, Store store) {
        this.data = data;
        this.logs = logs;
        this.storeKind = store;
    }

    /** The jars of {@code services} that are missing (build them first). */
    static List<Path> missingJars(List<Service> services) {
        return services.stream().map(Service::jar).filter(jar -> !Files.isRegularFile(jar)).toList();
    }

    /** Broker, store, topics, then every service at once; returns when all are healthy, throws with log tails if not. */
    void start(List<Service> toStart) throws Exception {
        Runtime.getRuntime().addShutdownHook(killChildrenOnExit);
        Files.createDirectories(logs);
        try (Stream<Path> old = Files.list(logs)) {
            for (Path log : old.filter(p -> p.toString().endsWith(".log")).toList()) {
                Files.delete(log);
            }
        }
        int kafkaPort = Ports.freePort(Ports.HOST);
        KafkaBroker kafka = new KafkaBroker(Ports.HOST, kafkaPort, Ports.freePort(Ports.HOST), data.resolve("kafka"),
                logs.resolve("kafka.log"), System.getProperty("java.class.path"), KafkaBroker.defaultJvmArgs());
        kafka.formatIfNeeded(data);
        broker = track(kafka.start(data, null));
        bootstrap = kafka.bootstrapServers();
        store = MongoWireStore.start(Ports.HOST, Ports.freePort(Ports.HOST),
                storeKind == Store.IN_MEMORY ? Path.of(MongoWireStore.IN_MEMORY) : data.resolve("mongo/store.mv"));

        awaitHealthy(broker, HealthWait.kafka(Ports.HOST, kafkaPort), Duration.ofSeconds(60));
        try (Admin admin = TopicSetup.admin(bootstrap)) {
            TopicSetup.ensure(admin, StackFiles.readTopics(Path.of("topics.txt")), (short) 1, Duration.ofSeconds(30));
        }
        for (Service service : toStart) {
            ports.put(service.name(), Ports.freePort(Ports.HOST));
        }
        Path jars = Files.createDirectories(data.resolve("jars"));
        for (Service service : toStart) {
            List<String> args = service.extraArgs().stream().map(this::withUrls).toList();
            // a copy: a build that rewrites the jar meanwhile would break the running service's class loading
            Path jar = Files.copy(service.jar(), jars.resolve(service.name() + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            specs.put(service.name(), new Service(service.name(), jar, args));
            services.put(service.name(), startService(specs.get(service.name()), ports.get(service.name())));
        }
        for (String name : services.keySet()) {
            awaitHealthy(name);
        }
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Waits until the service answers its health check; throws with its last log lines if it does not. */
    void awaitHealthy(String service) {
        awaitHealthy(process(service), HealthWait.http(healthUrl(ports.get(service))), HEALTH_TIMEOUT);
    }

    ManagedProcess process(String service) {
        ManagedProcess process = services.get(service);
        if (process == null) {
            throw new IllegalArgumentException(service + " is not part of this stack: " + services.keySet());
        }
        return process;
    }

    /** SIGKILL (no shutdown hook, nothing closed in order); returns the exit code. */
    int kill(String service) throws InterruptedException {
        Process process = process(service).process();
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            throw new AssertionError(service + " did not die within 15 s of SIGKILL");
        }
        return process.exitValue();
    }

    /** Starts the service again as before (same port, same arguments, same data) and waits until it is healthy. */
    void restart(String service) throws IOException {
        ManagedProcess previous = process(service);
        if (previous.isAlive()) {
            previous.stop(Duration.ofSeconds(20));
        }
        services.put(service, startService(specs.get(service), ports.get(service)));
        awaitHealthy(service);
    }

    private String withUrls(String argument) {
        String result = argument;
        for (String name : ports.keySet()) {
            result = result.replace("${url:" + name + "}", url(name).toString());
        }
        return result;
    }

    private ManagedProcess startService(Service service, int port) throws IOException {
        StackFiles.ServiceSpec spec = new StackFiles.ServiceSpec(service.name(),
                service.jar().toAbsolutePath().normalize().toString(), port, service.extraArgs());
        List<String> jvm = new ArrayList<>(ServiceProcess.jvmArgs());
        jvm.add("-XX:TieredStopAtLevel=1"); // faster start-up; a system test sends a handful of events
        jvm.addAll(spec.jvmOptions());
        return track(ManagedProcess.startJava(service.name(), jvm,
                ServiceProcess.mainArgs(spec, Ports.HOST, bootstrap, Ports.HOST + ":" + store.address().getPort()),
                data, logs.resolve(service.name() + ".log").toAbsolutePath(), null));
    }

    private ManagedProcess track(ManagedProcess process) {
        started.add(process);
        return process;
    }

    private static void awaitHealthy(ManagedProcess process, HealthWait.Check check, Duration timeout) {
        HealthWait.Result result = HealthWait.await(process, check, timeout);
        if (!result.ready()) {
            throw new AssertionError(String.format(
                    "%s not healthy: %s after %d s (exit code %s, last problem: %s); last log lines of %s:%n%s",
                    process.name(), result.outcome(), result.waited().toSeconds(), result.exitCode(),
                    result.lastProblem(), process.logFile(), String.join("\n", ManagedProcess.tail(process.logFile(), 40))));
        }
    }

    String bootstrap() {
        return bootstrap;
    }

    URI url(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException(service + " is not part of this stack: " + ports.keySet());
        }
        return URI.create("http://" + Ports.HOST + ":" + port);
    }

    private static URI healthUrl(int port) {
        return URI.create("http://" + Ports.HOST + ":" + port + "/actuator/health");
    }

    /** True once a line of the service's log (since its start) contains {@code text}. */
    boolean logContains(String service, String text) {
        return ManagedProcess.tail(services.get(service).logFile(), 5000).stream().anyMatch(line -> line.contains(text));
    }

    /** A recorder of {@code topics} from their beginning, closed with the stack. */
    TopicRecorder record(List<String> topics) {
        TopicRecorder recorder = new TopicRecorder(bootstrap, topics);
        closeables.add(recorder);
        return recorder;
    }

    /** Publishes {@code event} as the system's producers do: Avro single-object encoding and CloudEvents headers. */
    void send(String topic, String key, SpecificRecord event, String ceId, String source, String subject) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(event));
        CloudEventHeaders.write(record.headers(),
                CloudEventAttributes.of(catalog.of(event.getClass()), ceId, source, subject, Instant.now()));
        try {
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + event.getClass().getSimpleName() + " to " + topic, e);
        }
    }

    SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (Exception e) {
            throw new IllegalStateException("undecodable record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    /** The events of {@code type} among {@code records}, in their order. */
    <T extends SpecificRecord> List<T> decoded(List<ConsumerRecord<String, byte[]>> records, Class<T> type) {
        return records.stream().map(this::decode).filter(type::isInstance).map(type::cast).toList();
    }

    /** Prints the last lines of every service's log (for a failed test). */
    void printLogTails(int lines) {
        for (ManagedProcess process : services.values()) {
            System.err.printf("---- last lines of %s (%s) ----%n%s%n", process.name(), process.logFile(),
                    String.join("\n", ManagedProcess.tail(process.logFile(), lines)));
        }
    }

    /** Services in reverse order of start, then the store, then the broker; each SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        closeables.forEach(c -> quietly(c::close));
        if (producer != null) {
            quietly(() -> producer.close(Duration.ofSeconds(5)));
        }
        List<ManagedProcess> reverse = new ArrayList<>(services.values());
        java.util.Collections.reverse(reverse);
        // SIGTERM to all at once, so that their shutdowns overlap; then wait for each
        reverse.forEach(p -> p.process().destroy());
        for (ManagedProcess process : reverse) {
            quietly(() -> process.stop(Duration.ofSeconds(20)));
        }
        if (store != null) {
            quietly(store::close);
        }
        if (broker != null) {
            quietly(() -> broker.stop(Duration.ofSeconds(15)));
        }
        started.forEach(p -> p.process().destroyForcibly());
        quietly(() -> Runtime.getRuntime().removeShutdownHook(killChildrenOnExit));
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            System.err.println("while stopping the system: " + e);
        }
    }
}
