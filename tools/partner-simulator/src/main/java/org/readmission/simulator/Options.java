package org.readmission.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments: an optional command, then {@code --name value}, {@code --name=value} or a bare
 * {@code --flag}. Unknown names are refused so that a typo does not silently fall back to a default.
 */
public final class Options {

    private final String command;
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    public static Options parse(String[] args, String defaultCommand) {
        String command = defaultCommand;
        Map<String, String> values = new HashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && !rest.get(0).startsWith("--")) {
            command = rest.remove(0);
        }
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                values.put(name, rest.get(++i));
            } else {
                values.put(name, "true");
            }
        }
        return new Options(command, values);
    }

    public String command() {
        return command;
    }

    /** Whether the option was given at all (does not count as read). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name, String defaultValue) {
        read.add(name);
        return values.getOrDefault(name, defaultValue);
    }

    public int integer(String name, int defaultValue) {
        String value = text(name, null);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    public long number(String name, long defaultValue) {
        String value = text(name, null);
        try {
            return value == null ? defaultValue : Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    public boolean flag(String name) {
        return Boolean.parseBoolean(text(name, "false"));
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, {@code 1h} or a plain number of seconds. */
    public Duration duration(String name, Duration defaultValue) {
        String value = text(name, null);
        return value == null ? defaultValue : parseDuration(name, value);
    }

    static Duration parseDuration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 60s, 2m or 500ms, not '" + value + "'");
        }
    }

    /** @throws IllegalArgumentException naming options that were given but never read by the command */
    public void requireAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) for '" + command + "': "
                    + unknown.stream().sorted().map(n -> "--" + n).toList());
        }
    }
}
