package org.readmission.caseworkflow.publishing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Typed reads of the process variables a publishing step sees (its own, its scopes' and the process's). */
final class ProcessFacts {

    private final String caseId;
    private final String activityId;
    private final Function<String, Object> variables;

    ProcessFacts(String caseId, String activityId, Function<String, Object> variables) {
        this.caseId = caseId;
        this.activityId = activityId;
        this.variables = variables;
    }

    String caseId() {
        return caseId;
    }

    String activityId() {
        return activityId;
    }

    Optional<Object> value(String name) {
        return Optional.ofNullable(variables.apply(name));
    }

    Optional<String> text(String name) {
        return value(name).map(String::valueOf).filter(s -> !s.isBlank());
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> missing(name));
    }

    Optional<Instant> instant(String name) {
        return value(name).map(value -> {
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (value instanceof Instant instant) {
                return instant;
            }
            if (value instanceof LocalDate date) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(String.valueOf(value));
        });
    }

    Instant requiredInstant(String name) {
        return instant(name).orElseThrow(() -> missing(name));
    }

    Optional<LocalDate> date(String name) {
        return value(name).map(value -> {
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value instanceof Date date) {
                return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            }
            return LocalDate.parse(String.valueOf(value));
        });
    }

    boolean flag(String name) {
        return value(name).map(value -> value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value)))
                .orElse(false);
    }

    /** A list variable, or a comma-separated text. */
    List<String> list(String name) {
        return value(name).map(value -> value instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private IllegalStateException missing(String name) {
        return new IllegalStateException("case " + caseId + ", activity " + activityId + ": process variable '" + name
                + "' is needed to publish this event but is not set");
    }
}
