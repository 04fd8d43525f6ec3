package org.readmission.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.admin.Admin;

/**
 * The local stack launcher: {@code up}, {@code down}, {@code status}. Run through
 * {@code deploy/local/stack}, which builds what is missing first and passes the repository root
 * ({@code -Dlocalstack.root}), the moment the command started ({@code -Dlocalstack.t0}) and the
 * classpath for the child JVMs ({@code -Dlocalstack.classpath}).
 *
 * <p>{@code up} starts each part as its own process (the Kafka broker, the MongoDB-wire store, then
 * every service of {@code services.txt}), waits until each is healthy, prints where everything runs
 * and stays in the foreground. Ctrl-C / SIGTERM (or {@code stack down}) stops the services, then the
 * store, then the broker: SIGTERM, up to 15 s, then SIGKILL.
 */
public final class LocalStack {

    static final String HOST = Ports.HOST;
    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final int MONGO_PORT = 27017;
    static final String LAUNCHER = "launcher";
    static final Duration STOP_GRACE = Duration.ofSeconds(15);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(90);
    static final int TAIL_LINES = 20;
    static final long ROTATE_BYTES = 20L * 1024 * 1024;

    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final Path runDir;
    private final String classpath;
    private final long t0Millis;
    private final PrintStream out = System.out;

    private enum Phase { STARTING, RUNNING, STOPPING }

    private final Object lock = new Object();
    private final List<ManagedProcess> started = new ArrayList<>();
    private final Set<ManagedProcess> ready = Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile Phase phase = Phase.STARTING;
    private boolean stopped;

    LocalStack(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = this.root.resolve(".local-data");
        this.logDir = dataDir.resolve("logs");
        this.runDir = dataDir.resolve("run");
        this.classpath = System.getProperty("localstack.classpath", System.getProperty("java.class.path"));
        Long t0 = Long.getLong("localstack.t0");
        this.t0Millis = t0 != null ? t0
                : ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("localstack.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "help" : args[0];
        List<String> rest = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
        LocalStack stack = new LocalStack(root);
        int code;
        try {
            code = switch (command) {
                case "up" -> stack.up(rest);
                case "down" -> stack.down();
                case "status" -> stack.status();
                case "help", "-h", "--help" -> help(System.out);
                default -> {
                    System.err.println("unknown command '" + command + "'");
                    help(System.err);
                    yield 2;
                }
            };
        } catch (StoppingException e) {
            code = 130;
        } catch (IllegalArgumentException e) {
            System.err.println("stack: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            System.err.println("stack: " + command + " failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    static int help(PrintStream s) {
        s.println("""
                usage: deploy/local/stack <command>
                  up [--rebuild] [--no-build] [--timeout <seconds>] [--secure]
                                  (--secure or STACK_SECURE=1: Kafka with SASL/SCRAM + ACLs, deploy/kafka-security)
                                  build what is missing, start everything, stay in the foreground (Ctrl-C stops)
                  down            stop everything started by 'up' (from another terminal)
                  status          what runs: pid, port, health, RSS
                  logs <name>     tail -f .local-data/logs/<name>.log (kafka, mongo, or a service name)""");
        return 0;
    }

    // ------------------------------------------------------------------------------------------ up

    int up(List<String> options) throws Exception {
        Duration timeout = parseTimeout(options);
        boolean secure = options.contains("--secure") || "1".equals(System.getenv("STACK_SECURE"));
        Files.createDirectories(logDir);
        Files.createDirectories(runDir);

        Optional<ProcessHandle> running = PidFiles.liveProcess(pidFile(LAUNCHER), LAUNCHER)
                .filter(h -> h.pid() != ProcessHandle.current().pid());
        if (running.isPresent()) {
            err("the stack is already running ('stack up', pid " + running.get().pid()
                    + ") — use deploy/local/stack status, or deploy/local/stack down");
            return 2;
        }

        List<StackFiles.ServiceSpec> services = StackFiles.readServices(root.resolve("deploy/local/services.txt"));
        List<StackFiles.TopicSpec> topics = StackFiles.readTopics(root.resolve("deploy/local/topics.txt"));

        List<String> partNames = new ArrayList<>(List.of(KafkaBroker.NAME, MongoWireStore.NAME));
        services.forEach(s -> partNames.add(s.name()));
        for (String name : partNames) {
            Optional<ProcessHandle> left = PidFiles.liveProcess(pidFile(name), name);
            if (left.isPresent()) {
                err(name + " is still running (pid " + left.get().pid()
                        + ") from an earlier start — is the stack already running? try deploy/local/stack down");
                return 2;
            }
        }

        List<StackFiles.ServiceSpec> runnable = new ArrayList<>();
        for (StackFiles.ServiceSpec s : services) {
            if (ServiceProcess.jarExists(root, s)) {
                runnable.add(s);
            } else {
                step(s.name(), "NOT STARTED: " + s.jar() + " does not exist (not built, or its build failed)"
                        + " — continuing without it");
            }
        }

        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(KAFKA_PORT, "the Kafka broker");
        ports.put(CONTROLLER_PORT, "the Kafka controller");
        ports.put(MONGO_PORT, "the MongoDB-wire store");
        runnable.forEach(s -> ports.put(s.port(), s.name()));
        for (Map.Entry<Integer, String> p : ports.entrySet()) {
            if (!Ports.isFree(HOST, p.getKey())) {
                err("port " + p.getKey() + " is in use — is the stack already running? try deploy/local/stack down"
                        + " (" + HOST + ":" + p.getKey() + " is needed by " + p.getValue() + ")");
                return 2;
            }
        }
        step("ports", "free on " + HOST + ": " + String.join(" ", ports.keySet().stream().map(String::valueOf).toList()));

        PidFiles.write(pidFile(LAUNCHER), ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdownSignal, "local-stack-shutdown"));
        partNames.forEach(this::rotateLog);

        // 3. the Kafka broker (formatted once), 4. the MongoDB-wire store — started side by side
        // --secure: SASL + ACLs (deploy/kafka-security), its own data dir (its storage holds the broker's SCRAM user)
        List<KafkaSecurity.Acl> acls = secure ? KafkaSecurity.readAcls(root.resolve(KafkaSecurity.ACLS_FILE)) : List.of();
        KafkaBroker broker = new KafkaBroker(HOST, KAFKA_PORT, CONTROLLER_PORT,
                dataDir.resolve(secure ? "kafka-secure" : "kafka"), logFile(KafkaBroker.NAME), classpath,
                KafkaBroker.defaultJvmArgs(), secure);
        broker.writeConfig();
        String clusterId = broker.clusterId();
        if (broker.isFormatted()) {
            step("kafka", "storage already formatted (cluster id " + clusterId + ", " + rel(broker.dataDir()) + ")");
        } else {
            step("kafka", "formatting storage " + rel(broker.dataDir()) + " (cluster id " + clusterId + ") …");
            long f0 = System.nanoTime();
            broker.formatIfNeeded(root);
            step("kafka", "storage formatted in " + secs(Duration.ofNanos(System.nanoTime() - f0)));
        }
        ManagedProcess kafka = register(broker.start(root, pidFile(KafkaBroker.NAME)));
        step("kafka", "started broker, pid " + kafka.pid() + ", " + broker.bootstrapServers()
                + " (controller " + HOST + ":" + CONTROLLER_PORT + "), log " + rel(kafka.logFile()));

        Path storeFile = dataDir.resolve("mongo").resolve("store.mv");
        ManagedProcess mongo = register(MongoWireStore.startProcess(HOST, MONGO_PORT, rel(storeFile), classpath, root,
                logFile(MongoWireStore.NAME), pidFile(MongoWireStore.NAME)));
        step("mongo", "started MongoDB-wire store, pid " + mongo.pid() + ", " + HOST + ":" + MONGO_PORT
                + " (file " + rel(storeFile) + "), log " + rel(mongo.logFile()));

        // 7. wait for the store and the broker
        if (!awaitHealthy(mongo, HealthWait.tcp(HOST, MONGO_PORT), timeout)) {
            return 1;
        }
        if (!awaitHealthy(kafka, HealthWait.kafka(HOST, KAFKA_PORT, broker.adminClientConfig()), timeout)) {
            return 1;
        }
        if (secure) {
            try (Admin admin = TopicSetup.admin(broker.bootstrapServers(), broker.adminClientConfig())) {
                List<String> users = KafkaSecurity.users(acls);
                KafkaSecurity.upsertUsers(admin, users);
                KafkaSecurity.createAcls(admin, acls);
                step("kafka", "--secure: SASL_PLAINTEXT/" + KafkaSecurity.MECHANISM + ", " + users.size()
                        + " users and " + acls.size() + " ACLs from " + KafkaSecurity.ACLS_FILE + " (local-demo passwords)");
            } catch (Exception e) {
                out.println(stamp() + " FAILED to create the Kafka users and ACLs: " + e);
                stopAll("kafka security set-up failed");
                return 1;
            }
        }

        // 5. core topics
        try (Admin admin = TopicSetup.admin(broker.bootstrapServers(), broker.adminClientConfig())) {
            TopicSetup.Outcome outcome = TopicSetup.ensure(admin, topics, (short) 1, Duration.ofSeconds(30));
            step("topics", outcome.created().size() + " created, " + outcome.alreadyPresent().size()
                    + " already there (" + topics.size() + " in deploy/local/topics.txt)");
        } catch (Exception e) {
            if (phase == Phase.STOPPING) {
                return 1;
            }
            out.println(stamp() + " FAILED to create the topics: " + e);
            stopAll("topic set-up failed");
            return 1;
        }

        // 6. the services, started side by side, then waited for one by one
        String mongoHostPort = HOST + ":" + MONGO_PORT;
        Map<StackFiles.ServiceSpec, ManagedProcess> serviceProcesses = new LinkedHashMap<>();
        for (StackFiles.ServiceSpec s : runnable) {
            // --secure: each service that has ACLs connects as its own principal User:<service name>
            List<String> kafkaArgs = secure && KafkaSecurity.users(acls).contains(s.name())
                    ? KafkaSecurity.springArgs(s.name(), KafkaSecurity.demoPassword(s.name())) : List.of();
            ManagedProcess p = register(ServiceProcess.start(s, root, HOST, broker.bootstrapServers(), mongoHostPort,
                    kafkaArgs, logFile(s.name()), pidFile(s.name())));
            serviceProcesses.put(s, p);
            step(s.name(), "started, pid " + p.pid() + ", " + ServiceProcess.baseUrl(HOST, s) + ", log " + rel(p.logFile()));
        }
        for (Map.Entry<StackFiles.ServiceSpec, ManagedProcess> e : serviceProcesses.entrySet()) {
            if (!awaitHealthy(e.getValue(), HealthWait.http(ServiceProcess.healthUrl(HOST, e.getKey())), timeout)) {
                return 1;
            }
        }

        // 8. where everything runs
        phase = Phase.RUNNING;
        printTable(kafka, mongo, serviceProcesses, runnable.size() < services.size());
        new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM: the shutdown hook stops everything
        return 0;
    }

    private Duration parseTimeout(List<String> options) {
        Duration timeout = DEFAULT_TIMEOUT;
        String env = System.getenv("STACK_TIMEOUT");
        if (env != null && !env.isBlank()) {
            timeout = Duration.ofSeconds(Long.parseLong(env.strip()));
        }
        for (int i = 0; i < options.size(); i++) {
            String o = options.get(i);
            switch (o) {
                case "--timeout" -> {
                    if (i + 1 >= options.size()) {
                        throw new IllegalArgumentException("--timeout needs a number of seconds");
                    }
                    timeout = Duration.ofSeconds(Long.parseLong(options.get(++i)));
                }
                case "--secure" -> {
                    // read by up()
                }
                case "--rebuild", "--no-build" -> {
                    // handled by deploy/local/stack before the launcher starts
                }
                default -> throw new IllegalArgumentException("unknown option for up: " + o);
            }
        }
        return timeout;
    }

    private ManagedProcess register(ManagedProcess p) {
        synchronized (lock) {
            started.add(p);
            if (phase == Phase.STOPPING) {
                ManagedProcess.stop(p.process().toHandle(), STOP_GRACE);
                throw new StoppingException();
            }
        }
        p.process().onExit().thenAccept(x -> onChildExit(p));
        return p;
    }

    private boolean awaitHealthy(ManagedProcess p, HealthWait.Check check, Duration timeout) {
        HealthWait.Result r = HealthWait.await(p, check, timeout);
        if (r.ready()) {
            ready.add(p);
            step(p.name(), "ready after " + secs(p.age()) + " (" + check.describe() + ")");
            return true;
        }
        if (phase == Phase.STOPPING) {
            return false;
        }
        String why = switch (r.outcome()) {
            case DIED -> "exited with code " + r.exitCode() + " before it was ready";
            case TIMED_OUT -> "not healthy within " + timeout.toSeconds() + " s (" + check.describe() + ")"
                    + (r.lastProblem() == null ? "" : "; last answer: " + r.lastProblem());
            default -> r.outcome().toString();
        };
        synchronized (out) {
            out.println(stamp() + " FAILED: " + p.name() + " (pid " + p.pid() + ") " + why);
            out.println("    last " + TAIL_LINES + " lines of " + rel(p.logFile()) + ":");
            printTail(p.logFile(), "    | ");
            out.flush();
        }
        stopAll(p.name() + " failed");
        return false;
    }

    private void onChildExit(ManagedProcess p) {
        if (phase == Phase.STOPPING || !ready.contains(p)) {
            return; // a stop we asked for, or a start-up failure reported by awaitHealthy
        }
        int code = p.process().exitValue();
        synchronized (out) {
            out.println();
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            out.println("!!! " + stamp() + " " + p.name() + " (pid " + p.pid() + ") DIED unexpectedly, exit code " + code
                    + " — the rest keeps running");
            out.println("!!! last " + TAIL_LINES + " lines of " + rel(p.logFile()) + ":");
            printTail(p.logFile(), "!!!   | ");
            out.println("!!! to restart it: deploy/local/stack down, then deploy/local/stack up");
            out.println("!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
            out.flush();
        }
    }

    private void onShutdownSignal() {
        stopAll("stop requested (Ctrl-C / SIGTERM / stack down)");
    }

    /** Stops everything this launcher started, services first, then the store, then the broker. Idempotent. */
    private void stopAll(String reason) {
        List<ManagedProcess> parts;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            phase = Phase.STOPPING;
            parts = new ArrayList<>(started);
        }
        long s0 = System.nanoTime();
        List<ManagedProcess> alive = parts.stream().filter(ManagedProcess::isAlive).toList();
        if (!alive.isEmpty()) {
            step("stop", reason + " — stopping " + alive.size() + " process(es): services, then the store, then the broker");
        }
        List<Named> services = new ArrayList<>();
        List<Named> store = new ArrayList<>();
        List<Named> kafka = new ArrayList<>();
        for (ManagedProcess p : parts) {
            Named n = new Named(p.name(), p.process().toHandle(), p.process());
            switch (p.name()) {
                case KafkaBroker.NAME -> kafka.add(n);
                case MongoWireStore.NAME -> store.add(n);
                default -> services.add(n);
            }
        }
        Collections.reverse(services);
        stopGroup(services);
        stopGroup(store);
        stopGroup(kafka);
        PidFiles.deleteIfOwnedBy(pidFile(LAUNCHER), ProcessHandle.current().pid());
        step("stop", "everything stopped in " + secs(Duration.ofNanos(System.nanoTime() - s0)));
        out.flush();
    }

    /** Thrown when a part would be started while the launcher is already stopping. */
    static final class StoppingException extends RuntimeException {
        StoppingException() {
            super("stopping", null, false, false);
        }
    }

    /** A process to stop; {@code process} is non-null for our own children (exit code known). */
    private record Named(String name, ProcessHandle handle, Process process) {
    }

    /** SIGTERM to all of the group, wait until 15 s have passed, SIGKILL what is left. */
    private void stopGroup(List<Named> group) {
        List<Named> alive = group.stream().filter(n -> PidFiles.isRunning(n.handle())).toList();
        if (alive.isEmpty()) {
            return;
        }
        Map<Named, Long> sent = new LinkedHashMap<>();
        for (Named n : alive) {
            n.handle().destroy();
            sent.put(n, System.nanoTime());
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (Named n : alive) {
            boolean killed = false;
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            if (!ManagedProcess.waitForExit(n.handle(), left)) {
                n.handle().destroyForcibly();
                killed = true;
                ManagedProcess.waitForExit(n.handle(), Duration.ofSeconds(10));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - sent.get(n));
            String exit = "";
            if (n.process() != null && exited(n.process())) {
                int code = n.process().exitValue();
                exit = ", exit " + code + (code == 143 ? " (SIGTERM)" : code == 137 ? " (SIGKILL)" : "");
            }
            if (PidFiles.isRunning(n.handle())) {
                step(n.name(), "could NOT be stopped (pid " + n.handle().pid() + ")");
            } else {
                step(n.name(), (killed ? "KILLED after " + STOP_GRACE.toSeconds() + " s" : "stopped in " + secs(took))
                        + " (pid " + n.handle().pid() + exit + ")");
            }
        }
    }

    private static boolean exited(Process p) {
        try {
            return p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private void printTable(ManagedProcess kafka, ManagedProcess mongo,
                            Map<StackFiles.ServiceSpec, ManagedProcess> services, boolean someMissing) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "PID", "WHERE", "LOG"});
        rows.add(new String[] {"kafka", "" + kafka.pid(), HOST + ":" + KAFKA_PORT + " (controller " + CONTROLLER_PORT + ")",
                rel(kafka.logFile()).toString()});
        rows.add(new String[] {"mongo", "" + mongo.pid(), "mongodb://" + HOST + ":" + MONGO_PORT,
                rel(mongo.logFile()).toString()});
        services.forEach((s, p) -> rows.add(new String[] {s.name(), "" + p.pid(),
                ServiceProcess.baseUrl(HOST, s).toString(), rel(p.logFile()).toString()}));
        Duration total = Duration.ofMillis(System.currentTimeMillis() - t0Millis);
        synchronized (out) {
            out.println();
            table(rows).forEach(l -> out.println("  " + l));
            out.println();
            out.println("READY in " + secs(total) + " (from the command to every part healthy)"
                    + (someMissing ? " — some services were NOT started (see above)" : ""));
            out.println("  kcat -b " + HOST + ":" + KAFKA_PORT + " -L          lists the topics");
            services.keySet().stream().filter(s -> s.name().equals("partner-gateway")).findFirst().ifPresent(s ->
                    out.println("  Swagger UI:                         " + ServiceProcess.baseUrl(HOST, s) + "/swagger-ui.html"));
            services.keySet().stream().filter(s -> s.name().equals("case-view")).findFirst().ifPresent(s ->
                    out.println("  officers' workspace:                " + ServiceProcess.baseUrl(HOST, s) + "/"));
            out.println("  deploy/local/stack status           shows health and memory (RSS)");
            out.println("  deploy/local/stack logs <name>      follows a log");
            out.println("  Ctrl-C here (or deploy/local/stack down) stops everything; data stays in .local-data/");
            out.flush();
        }
    }

    // ---------------------------------------------------------------------------------------- down

    int down() throws Exception {
        boolean any = false;
        Optional<ProcessHandle> launcher = PidFiles.liveProcess(pidFile(LAUNCHER), LAUNCHER)
                .filter(h -> h.pid() != ProcessHandle.current().pid());
        if (launcher.isPresent()) {
            any = true;
            ProcessHandle h = launcher.get();
            say("down", "asking 'stack up' (pid " + h.pid() + ") to stop everything (services, store, broker) …");
            h.destroy();
            if (ManagedProcess.waitForExit(h, Duration.ofSeconds(120))) {
                say("down", "'stack up' (pid " + h.pid() + ") has stopped");
            } else {
                say("down", "'stack up' (pid " + h.pid() + ") did not stop within 120 s — killing it, stopping the parts here");
                h.destroyForcibly();
                ManagedProcess.waitForExit(h, Duration.ofSeconds(10));
            }
        }

        // whatever is still recorded in pid files (e.g. 'up' was killed with SIGKILL)
        List<String> order = new ArrayList<>();
        try {
            List<StackFiles.ServiceSpec> services = StackFiles.readServices(root.resolve("deploy/local/services.txt"));
            services.forEach(s -> order.add(s.name()));
            Collections.reverse(order);
        } catch (IOException | IllegalArgumentException e) {
            // fall back to the pid files alone
        }
        for (String name : pidFileNames()) {
            if (!order.contains(name) && !name.equals(KafkaBroker.NAME) && !name.equals(MongoWireStore.NAME)
                    && !name.equals(LAUNCHER)) {
                order.add(name);
            }
        }
        List<Named> services = new ArrayList<>();
        for (String name : order) {
            PidFiles.liveProcess(pidFile(name), name).ifPresent(h -> services.add(new Named(name, h, null)));
        }
        List<Named> store = new ArrayList<>();
        PidFiles.liveProcess(pidFile(MongoWireStore.NAME), MongoWireStore.NAME)
                .ifPresent(h -> store.add(new Named(MongoWireStore.NAME, h, null)));
        List<Named> kafka = new ArrayList<>();
        PidFiles.liveProcess(pidFile(KafkaBroker.NAME), KafkaBroker.NAME)
                .ifPresent(h -> kafka.add(new Named(KafkaBroker.NAME, h, null)));
        if (!services.isEmpty() || !store.isEmpty() || !kafka.isEmpty()) {
            any = true;
            stopGroup(services);
            stopGroup(store);
            stopGroup(kafka);
        }
        for (String name : pidFileNames()) {
            if (PidFiles.liveProcess(pidFile(name), name).isEmpty()) {
                Files.deleteIfExists(pidFile(name));
            }
        }
        say("down", any ? "the stack is down (data kept in .local-data/)" : "nothing was running");
        return 0;
    }

    // -------------------------------------------------------------------------------------- status

    int status() throws Exception {
        List<StackFiles.ServiceSpec> services = StackFiles.readServices(root.resolve("deploy/local/services.txt"));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "PID", "PORT", "HEALTH", "RSS MiB", "UP FOR", "LOG"});
        long totalKiB = 0;
        int runningCount = 0;

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KafkaBroker.NAME, KAFKA_PORT);
        ports.put(MongoWireStore.NAME, MONGO_PORT);
        services.forEach(s -> ports.put(s.name(), s.port()));
        for (String name : pidFileNames()) {
            if (!name.equals(LAUNCHER)) {
                ports.putIfAbsent(name, null);
            }
        }
        for (Map.Entry<String, Integer> e : ports.entrySet()) {
            String name = e.getKey();
            Integer port = e.getValue();
            Optional<ProcessHandle> h = PidFiles.liveProcess(pidFile(name), name);
            String health;
            String pid = "-";
            String rss = "-";
            String age = "-";
            if (h.isPresent()) {
                runningCount++;
                pid = Long.toString(h.get().pid());
                long kib = PidFiles.rssKiB(h.get().pid());
                if (kib >= 0) {
                    totalKiB += kib;
                    rss = Long.toString(Math.round(kib / 1024.0));
                }
                age = h.get().info().startInstant().map(i -> human(Duration.between(i, Instant.now()))).orElse("?");
                health = port == null ? "running" : health(name, port, services);
            } else if (port != null && !Ports.isFree(HOST, port)) {
                health = "stopped (port taken by another process!)";
            } else {
                health = "stopped";
            }
            String shownPort = port == null ? "-" : name.equals(KafkaBroker.NAME) ? KAFKA_PORT + "/" + CONTROLLER_PORT : "" + port;
            rows.add(new String[] {name, pid, shownPort, health, rss, age, rel(logFile(name)).toString()});
        }
        table(rows).forEach(out::println);
        out.println();
        if (runningCount == 0) {
            out.println("nothing runs — start it with deploy/local/stack up");
        } else {
            out.printf(Locale.ROOT, "total RSS of the stack (%d process%s): %d MiB%n", runningCount,
                    runningCount == 1 ? "" : "es", Math.round(totalKiB / 1024.0));
        }
        Optional<ProcessHandle> launcher = PidFiles.liveProcess(pidFile(LAUNCHER), LAUNCHER);
        launcher.ifPresent(h -> out.printf(Locale.ROOT, "launcher ('stack up') pid %d, RSS %d MiB (not counted above)%n",
                h.pid(), Math.round(PidFiles.rssKiB(h.pid()) / 1024.0)));
        return 0;
    }

    /** Whether the broker was last started with --secure (its server.properties is the newer one). */
    private boolean lastStartWasSecure() {
        try {
            Path secure = dataDir.resolve("kafka-secure").resolve("server.properties");
            Path plain = dataDir.resolve("kafka").resolve("server.properties");
            return Files.exists(secure) && (!Files.exists(plain)
                    || Files.getLastModifiedTime(secure).compareTo(Files.getLastModifiedTime(plain)) > 0);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String health(String name, int port, List<StackFiles.ServiceSpec> services) {
        HealthWait.Check check;
        if (name.equals(KafkaBroker.NAME)) {
            check = HealthWait.kafka(HOST, port, lastStartWasSecure() ? KafkaSecurity.adminConfig() : Map.of());
        } else if (name.equals(MongoWireStore.NAME)) {
            check = HealthWait.tcp(HOST, port);
        } else {
            Optional<StackFiles.ServiceSpec> spec = services.stream().filter(s -> s.name().equals(name)).findFirst();
            if (spec.isEmpty()) {
                return "running";
            }
            check = HealthWait.http(ServiceProcess.healthUrl(HOST, spec.get()));
        }
        try (check) {
            return check.check() ? "UP" : "DOWN (port closed)";
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "DOWN (" + (m.length() > 60 ? m.substring(0, 60) + "…" : m) + ")";
        }
    }

    // ------------------------------------------------------------------------------------- helpers

    private Path pidFile(String name) {
        return runDir.resolve(name + ".pid");
    }

    private Path logFile(String name) {
        return logDir.resolve(name + ".log");
    }

    private List<String> pidFileNames() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(runDir)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                names.add(n.substring(0, n.length() - 4));
            }
        }
        Collections.sort(names);
        return names;
    }

    /** Keeps logs from growing without bound: a log over 20 MiB becomes {@code <name>.log.1} at start. */
    private void rotateLog(String name) {
        Path log = logFile(name);
        try {
            if (Files.exists(log) && Files.size(log) > ROTATE_BYTES) {
                Files.move(log, log.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // keep appending
        }
    }

    private Path rel(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs) : abs;
    }

    private void printTail(Path log, String prefix) {
        List<String> lines = ManagedProcess.tail(log, TAIL_LINES);
        if (lines.isEmpty()) {
            out.println(prefix + "(" + rel(log) + " is empty)");
        }
        lines.forEach(l -> out.println(prefix + l));
    }

    private String stamp() {
        double s = (System.currentTimeMillis() - t0Millis) / 1000.0;
        return String.format(Locale.ROOT, "[%6.1fs]", s);
    }

    private void step(String part, String message) {
        synchronized (out) {
            out.printf(Locale.ROOT, "%s %-16s %s%n", stamp(), part, message);
            out.flush();
        }
    }

    private void say(String part, String message) {
        step(part, message);
    }

    private void err(String message) {
        synchronized (out) {
            out.flush();
            System.err.println(stamp() + " " + message);
            System.err.flush();
        }
    }

    static String secs(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7200) {
            return (s / 60) + "m";
        }
        return (s / 3600) + "h" + ((s % 3600) / 60) + "m";
    }

    static List<String> table(List<String[]> rows) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                b.append(r[i]);
                if (i < cols - 1) {
                    b.append(" ".repeat(width[i] - r[i].length() + 2));
                }
            }
            lines.add(b.toString().stripTrailing());
        }
        return lines;
    }
}
