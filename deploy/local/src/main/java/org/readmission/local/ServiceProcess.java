package org.readmission.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Spring Boot service of the system (a line of {@code services.txt}) run as its own process. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static List<String> jvmArgs() {
        return List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
    }

    /** Everything after the JVM options: {@code -jar <jar> --server.port=... ...}. */
    public static List<String> mainArgs(StackFiles.ServiceSpec service, String host, String kafkaBootstrap,
                                        String mongoHostPort) {
        List<String> args = new ArrayList<>();
        args.add("-jar");
        args.add(service.jar());
        args.add("--server.port=" + service.port());
        args.add("--server.address=" + host);
        args.add("--spring.kafka.bootstrap-servers=" + kafkaBootstrap);
        args.add("--spring.data.mongodb.uri=mongodb://" + mongoHostPort + "/" + service.databaseName());
        args.addAll(service.serviceArgs());
        return args;
    }

    public static boolean jarExists(Path root, StackFiles.ServiceSpec service) {
        return Files.isRegularFile(root.resolve(service.jar()));
    }

    public static URI baseUrl(String host, StackFiles.ServiceSpec service) {
        return URI.create("http://" + host + ":" + service.port());
    }

    public static URI healthUrl(String host, StackFiles.ServiceSpec service) {
        return URI.create(baseUrl(host, service) + "/actuator/health");
    }

    public static ManagedProcess start(StackFiles.ServiceSpec service, Path root, String host, String kafkaBootstrap,
                                       String mongoHostPort, Path logFile, Path pidFile) throws IOException {
        return start(service, root, host, kafkaBootstrap, mongoHostPort, List.of(), logFile, pidFile);
    }

    /** As above, with extra Spring Boot arguments after the service's own (e.g. its Kafka SASL credentials). */
    public static ManagedProcess start(StackFiles.ServiceSpec service, Path root, String host, String kafkaBootstrap,
                                       String mongoHostPort, List<String> extraArgs, Path logFile, Path pidFile)
            throws IOException {
        List<String> jvm = new ArrayList<>(jvmArgs());
        jvm.addAll(service.jvmOptions());
        List<String> main = new ArrayList<>(mainArgs(service, host, kafkaBootstrap, mongoHostPort));
        main.addAll(extraArgs);
        return ManagedProcess.startJava(service.name(), jvm, main, root, logFile, pidFile);
    }
}
