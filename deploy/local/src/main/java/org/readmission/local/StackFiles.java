package org.readmission.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the two plain-text files that say what the local stack runs:
 * {@code deploy/local/services.txt} and {@code deploy/local/topics.txt}.
 * Blank lines and lines starting with {@code #} are ignored; a {@code #} after a value starts a comment.
 */
public final class StackFiles {

    /** A service line: {@code name jar port [extra arguments...]} (an argument {@code -J<option>} is for the JVM). */
    public record ServiceSpec(String name, String jar, int port, List<String> extraArgs) {
        public ServiceSpec {
            extraArgs = List.copyOf(extraArgs);
        }

        /**
         * Options for the service's JVM: the extra arguments written {@code -J<option>}, as for {@code javac} or
         * {@code jshell}, e.g. {@code -J-XX:TieredStopAtLevel=1}; they come after the stack's own JVM options.
         */
        public List<String> jvmOptions() {
            return extraArgs.stream().filter(a -> a.startsWith("-J")).map(a -> a.substring(2)).toList();
        }

        /** The arguments for the service itself: the extra arguments that are not {@code -J} options. */
        public List<String> serviceArgs() {
            return extraArgs.stream().filter(a -> !a.startsWith("-J")).toList();
        }

        /** The MongoDB database of this service: its name with underscores, e.g. {@code partner_gateway}. */
        public String databaseName() {
            return name.replace('-', '_');
        }
    }

    /** A topic line: {@code name [partitions]}. */
    public record TopicSpec(String name, int partitions) {
    }

    public static final int DEFAULT_PARTITIONS = 3;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> RESERVED = Set.of("kafka", "mongo", "launcher", "build");

    private StackFiles() {
    }

    public static List<ServiceSpec> readServices(Path file) throws IOException {
        return parseServices(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public static List<TopicSpec> readTopics(Path file) throws IOException {
        return parseTopics(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    public static List<ServiceSpec> parseServices(List<String> lines, String source) {
        List<ServiceSpec> services = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String[] f = fields(raw);
            if (f.length == 0) {
                continue;
            }
            String where = source + ":" + lineNo;
            if (f.length < 3) {
                throw new IllegalArgumentException(where + ": expected 'name jar port [args...]', got '" + raw.trim() + "'");
            }
            String name = f[0];
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": service name '" + name + "' must be lower-case letters, digits and '-'");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException(where + ": service name '" + name + "' is reserved");
            }
            int port = parsePort(f[2], where);
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": service '" + name + "' is listed twice");
            }
            if (!ports.add(port)) {
                throw new IllegalArgumentException(where + ": port " + port + " is used by two services");
            }
            services.add(new ServiceSpec(name, f[1], port, List.of(f).subList(3, f.length)));
        }
        return services;
    }

    public static List<TopicSpec> parseTopics(List<String> lines, String source) {
        List<TopicSpec> topics = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String[] f = fields(raw);
            if (f.length == 0) {
                continue;
            }
            String where = source + ":" + lineNo;
            if (f.length > 2) {
                throw new IllegalArgumentException(where + ": expected 'topic [partitions]', got '" + raw.trim() + "'");
            }
            String name = f[0];
            if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                throw new IllegalArgumentException(where + ": '" + name + "' is not a valid Kafka topic name");
            }
            int partitions = DEFAULT_PARTITIONS;
            if (f.length == 2) {
                try {
                    partitions = Integer.parseInt(f[1]);
                } catch (NumberFormatException e) {
                    partitions = 0;
                }
                if (partitions < 1) {
                    throw new IllegalArgumentException(where + ": partitions must be a positive number, got '" + f[1] + "'");
                }
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + ": topic '" + name + "' is listed twice");
            }
            topics.add(new TopicSpec(name, partitions));
        }
        return topics;
    }

    private static int parsePort(String value, String where) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where + ": '" + value + "' is not a port number");
    }

    private static String[] fields(String raw) {
        String line = raw;
        int hash = line.indexOf('#');
        if (hash >= 0) {
            line = line.substring(0, hash);
        }
        line = line.strip();
        return line.isEmpty() ? new String[0] : line.split("\\s+");
    }
}
