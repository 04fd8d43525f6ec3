package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.events.CloudEventAttributes;

/**
 * A real KRaft broker as {@code stack up --secure} starts it: SASL_PLAINTEXT/SCRAM-SHA-512, the
 * StandardAuthorizer, the users and ACLs of deploy/kafka-security/acls.txt. Without those ACLs nothing
 * but the broker's own user may do anything, so the "can" checks below fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class KafkaSecurityTest {

    static final String SUBMISSIONS = "readmission.partner-submissions";
    static final String DE_BPOL_SUBMISSIONS = "readmission.partner-submissions.de-bpol";
    static final String AZ_SMS_SUBMISSIONS = "readmission.partner-submissions.az-sms";
    static final String DE_BPOL_NOTIFICATIONS = "readmission.partner-notifications.de-bpol";
    static final String AZ_SMS_NOTIFICATIONS = "readmission.partner-notifications.az-sms";
    static final Duration PATIENCE = Duration.ofSeconds(20);
    /**
     * The partner simulator's classes, as its build leaves them (like the system tests use the services' jars from
     * their target folders): this module does not depend on the simulator, whose artifact is a Spring Boot fat jar.
     */
    static final Path SIMULATOR_CLASSES = Path.of("../../tools/partner-simulator/target/classes");

    @TempDir
    static Path dir;

    KafkaBroker broker;
    ManagedProcess process;
    Thread safety;
    Path log;

    @BeforeAll
    void startSecureBroker() throws Exception {
        int port = Ports.freePort(Ports.HOST);
        int controllerPort = Ports.freePort(Ports.HOST);
        log = dir.resolve("kafka.log");
        broker = new KafkaBroker(Ports.HOST, port, controllerPort, dir.resolve("kafka"), log,
                System.getProperty("java.class.path"), KafkaBroker.defaultJvmArgs(), true);
        assertThat(broker.formatIfNeeded(dir)).isTrue();
        process = broker.start(dir, dir.resolve("kafka.pid"));
        safety = new Thread(() -> process.process().destroyForcibly());
        Runtime.getRuntime().addShutdownHook(safety);
        HealthWait.Result health = HealthWait.await(process,
                HealthWait.kafka(Ports.HOST, port, broker.adminClientConfig()), Duration.ofSeconds(40));
        assertThat(health.ready()).as("secure broker healthy; log tail:%n%s", logTail()).isTrue();

        List<KafkaSecurity.Acl> acls = KafkaSecurity.readAcls(KafkaAclsFileTest.ACLS);
        try (Admin admin = TopicSetup.admin(broker.bootstrapServers(), broker.adminClientConfig())) {
            KafkaSecurity.upsertUsers(admin, KafkaSecurity.users(acls));
            KafkaSecurity.createAcls(admin, acls);
            admin.createTopics(List.of(new NewTopic(SUBMISSIONS, 1, (short) 1),
                    new NewTopic(DE_BPOL_SUBMISSIONS, 1, (short) 1),
                    new NewTopic(AZ_SMS_SUBMISSIONS, 1, (short) 1),
                    new NewTopic(DE_BPOL_NOTIFICATIONS, 1, (short) 1),
                    new NewTopic(AZ_SMS_NOTIFICATIONS, 1, (short) 1))).all().get(20, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    void stopBroker() {
        if (process != null) {
            process.stop(Duration.ofSeconds(15));
            Runtime.getRuntime().removeShutdownHook(safety);
        }
    }

    String logTail() {
        return String.join("\n", ManagedProcess.tail(log, 40));
    }

    Map<String, Object> client(String user, String password) {
        Map<String, Object> c = new HashMap<>(KafkaSecurity.clientConfig(user, password));
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return c;
    }

    KafkaProducer<String, String> producer(String user) {
        Map<String, Object> c = client(user, KafkaSecurity.demoPassword(user));
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(c, new StringSerializer(), new StringSerializer());
    }

    KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> c = client(user, KafkaSecurity.demoPassword(user));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** Sends as {@code user}, retrying while the new credentials and ACLs reach the broker's caches. */
    void send(String user, String topic, String value) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (KafkaProducer<String, String> p = producer(user)) {
                p.send(new ProducerRecord<>(topic, "case-1", value)).get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | SaslAuthenticationException | AuthorizationException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(user + " could not write " + topic + "; log:\n" + logTail(), e);
                }
            }
        }
    }

    /** Reads as {@code user} in {@code group} until a record with {@code value} arrives. */
    void receive(String user, String group, String topic, String value) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (KafkaConsumer<String, String> c = consumer(user, group)) {
            c.subscribe(List.of(topic));
            while (true) {
                try {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        if (r.value().equals(value)) {
                            return;
                        }
                    }
                } catch (SaslAuthenticationException | AuthorizationException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(user + " could not read " + topic, e);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(user + " did not receive '" + value + "' from " + topic);
                }
            }
        }
    }

    @Test
    void aPartySubmitsOnItsOwnTopicAndTheGatewayReadsIt() throws Exception {
        send("de-bpol", DE_BPOL_SUBMISSIONS, "application from DE-BPOL");
        receive("partner-gateway", "partner-gateway", DE_BPOL_SUBMISSIONS, "application from DE-BPOL");
    }

    @Test
    void aPartyCannotWriteAnotherPartysSubmissionTopicNorTheSharedOne() throws Exception {
        send("az-sms", AZ_SMS_SUBMISSIONS, "application from AZ-SMS"); // the ACLs are in force
        send("de-bpol", DE_BPOL_SUBMISSIONS, "DE-BPOL's own topic");
        for (String forbidden : List.of(AZ_SMS_SUBMISSIONS, SUBMISSIONS)) {
            try (KafkaProducer<String, String> p = producer("de-bpol")) {
                assertThatThrownBy(() -> p.send(new ProducerRecord<>(forbidden, "x", "in AZ-SMS's name")).get(10, TimeUnit.SECONDS))
                        .as("DE-BPOL writes %s", forbidden)
                        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // the shared topic is written by the gateway only, for its REST API, and read by it
        send("partner-gateway", SUBMISSIONS, "REST submission on DE-BPOL's behalf");
        receive("partner-gateway", "partner-gateway.shared", SUBMISSIONS, "REST submission on DE-BPOL's behalf");
    }

    @Test
    void theGatewayNotifiesAPartyThatReadsItsOwnTopic() throws Exception {
        send("partner-gateway", DE_BPOL_NOTIFICATIONS, "receipt for DE-BPOL");
        receive("de-bpol", "de-bpol.notifications", DE_BPOL_NOTIFICATIONS, "receipt for DE-BPOL");
    }

    @Test
    void aPartyCannotReadAnotherPartysNotifications() throws Exception {
        send("partner-gateway", AZ_SMS_NOTIFICATIONS, "receipt for AZ-SMS");
        receive("az-sms", "az-sms.notifications", AZ_SMS_NOTIFICATIONS, "receipt for AZ-SMS"); // ACLs are in force
        try (KafkaConsumer<String, String> spy = consumer("de-bpol", "de-bpol.spy")) {
            spy.subscribe(List.of(AZ_SMS_NOTIFICATIONS));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            assertThatThrownBy(() -> {
                while (System.nanoTime() < deadline) {
                    assertThat(spy.poll(Duration.ofMillis(500))).as("DE-BPOL got AZ-SMS's notifications").isEmpty();
                }
            }).isInstanceOf(TopicAuthorizationException.class)
                    .satisfies(e -> assertThat(((TopicAuthorizationException) e).unauthorizedTopics())
                            .containsExactly(AZ_SMS_NOTIFICATIONS));
        }
        // nor join another party's consumer group, even on its own topic
        try (KafkaConsumer<String, String> c = consumer("de-bpol", "az-sms.notifications")) {
            c.subscribe(List.of(DE_BPOL_NOTIFICATIONS));
            assertThatThrownBy(() -> c.poll(Duration.ofSeconds(10)))
                    .isInstanceOf(org.apache.kafka.common.errors.GroupAuthorizationException.class);
        }
        // nor write to it (only the services may)
        try (KafkaProducer<String, String> p = producer("de-bpol")) {
            assertThatThrownBy(() -> p.send(new ProducerRecord<>(AZ_SMS_NOTIFICATIONS, "x", "forged")).get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordFailsAuthentication() throws Exception {
        send("de-bpol", DE_BPOL_SUBMISSIONS, "the right password works"); // the user exists on the broker
        Map<String, Object> c = client("de-bpol", "not-the-password");
        try (Admin admin = Admin.create(c)) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theBrokerRefusesUnauthenticatedPlaintextClients() throws Exception {
        Map<String, Object> c = Map.of("bootstrap.servers", broker.bootstrapServers(), "request.timeout.ms", 3000,
                "default.api.timeout.ms", 5000);
        try (Admin admin = Admin.create(c)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        assertThat(new String(java.nio.file.Files.readAllBytes(broker.serverProperties()), StandardCharsets.UTF_8))
                .contains("StandardAuthorizer", "allow.everyone.if.no.acl.found=false")
                .doesNotContainPattern("(?<!SASL_)PLAINTEXT://");
    }

    /**
     * The partner simulator with {@code --secure}: its sender for DE-BPOL authenticates as {@code de-bpol} (local demo
     * password) and writes {@code readmission.partner-submissions.de-bpol}, where the gateway reads the record; the
     * same producer is refused the shared topic, and the simulator puts that refusal (and an unknown user's) into words
     * that name the party, the topic and the fix.
     */
    @Test
    void theSimulatorInSecureModeWritesAsDeBpolToItsOwnTopicAndIsRefusedTheSharedOne() throws Exception {
        assumeTrue(Files.isDirectory(SIMULATOR_CLASSES.resolve("org/readmission/simulator/kafka")),
                "the partner simulator is not built (" + SIMULATOR_CLASSES.toAbsolutePath().normalize()
                        + "); ./mvnw -B -ntp install -pl tools/partner-simulator");
        send("de-bpol", DE_BPOL_SUBMISSIONS, "before the simulator"); // the user and its ACLs are in force
        try (URLClassLoader simulator = new URLClassLoader(new URL[] {SIMULATOR_CLASSES.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> optionsType = simulator.loadClass("org.readmission.simulator.Options");
            Class<?> settingsType = simulator.loadClass("org.readmission.simulator.kafka.KafkaSettings");
            Class<?> securityType = simulator.loadClass("org.readmission.simulator.kafka.ClientSecurity");
            Class<?> senderType = simulator.loadClass("org.readmission.simulator.kafka.SubmissionSender");
            Class<?> refusalType = simulator.loadClass("org.readmission.simulator.kafka.KafkaRefusal");
            Object options = call(optionsType, null, "parse", new Class<?>[] {String[].class, String.class},
                    new String[] {"--bootstrap", broker.bootstrapServers(), "--secure"}, "simulate");
            Object settings = call(settingsType, null, "from", new Class<?>[] {optionsType}, options);
            assertThat(call(settingsType, settings, "secure", new Class<?>[0])).isEqualTo(true);
            Object security = call(settingsType, settings, "security", new Class<?>[0]);

            // DE-BPOL's sender: its own topic, and the record arrives there
            String value = "application from the simulator as DE-BPOL";
            Object own = call(senderType, null, "forParty", new Class<?>[] {settingsType, String.class, String.class, int.class},
                    settings, "DE-BPOL", "simulator-check-de-bpol", 0);
            try (AutoCloseable closing = (AutoCloseable) own) {
                assertThat(call(senderType, own, "topic", new Class<?>[0])).isEqualTo(DE_BPOL_SUBMISSIONS);
                sendThrough(senderType, own, value).get(15, TimeUnit.SECONDS);
            }
            receive("partner-gateway", "partner-gateway.simulator-check", DE_BPOL_SUBMISSIONS, value);

            // the same party's producer on the shared topic: refused by the ACLs, explained by the simulator
            Object shared = call(senderType, null, "to",
                    new Class<?>[] {settingsType, String.class, String.class, String.class, int.class},
                    settings, "DE-BPOL", SUBMISSIONS, "simulator-check-shared", 0);
            Throwable refused;
            try (AutoCloseable closing = (AutoCloseable) shared) {
                Future<RecordMetadata> sent = sendThrough(senderType, shared, "in the shared topic");
                refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> sent.get(15, TimeUnit.SECONDS));
            }
            assertThat(refused).hasRootCauseInstanceOf(TopicAuthorizationException.class);
            Optional<?> explained = (Optional<?>) call(refusalType, null, "of",
                    new Class<?>[] {Throwable.class, securityType, String.class, String.class, String.class},
                    refused, security, "DE-BPOL", "write", SUBMISSIONS);
            assertThat(explained).get().extracting(e -> ((Exception) e).getMessage()).asString()
                    .contains("DE-BPOL", "User:de-bpol", "write " + SUBMISSIONS, DE_BPOL_SUBMISSIONS, "stack up --secure");

            // a party the broker has no user for: an authentication failure that names it and says what to check
            assertThatThrownBy(() -> call(settingsType, settings, "requireReachable", new Class<?>[] {String.class, Duration.class},
                    "XX-NOBODY", Duration.ofSeconds(10)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("XX-NOBODY")
                    .hasMessageContaining("User:xx-nobody")
                    .hasMessageContaining("deploy/local/stack up --secure creates these users")
                    .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    /** Sends a record through the simulator's {@code SubmissionSender.send(key, value, attributes, callback)}. */
    @SuppressWarnings("unchecked")
    static Future<RecordMetadata> sendThrough(Class<?> senderType, Object sender, String value) throws Exception {
        CloudEventAttributes attributes = new CloudEventAttributes("simulator-check-" + System.nanoTime(),
                "org.readmission.application.submitted.v1", "DE-BPOL", null, Instant.now(), null,
                CloudEventAttributes.CONTENT_TYPE_AVRO, CloudEventAttributes.SPEC_VERSION_1_0);
        return (Future<RecordMetadata>) call(senderType, sender, "send", new Class<?>[] {String.class, byte[].class,
                CloudEventAttributes.class, org.apache.kafka.clients.producer.Callback.class},
                "case-1", value.getBytes(StandardCharsets.UTF_8), attributes, null);
    }

    /** A public method of the simulator, its own exception (not the reflective wrapper) thrown as it is. */
    static Object call(Class<?> type, Object target, String name, Class<?>[] parameters, Object... args) throws Exception {
        Method method = type.getMethod(name, parameters);
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
