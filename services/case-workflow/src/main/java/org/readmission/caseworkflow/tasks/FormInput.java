package org.readmission.caseworkflow.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads the fields of a submitted task form and collects every problem at once. */
final class FormInput {

    private final Map<String, Object> values;
    private final List<FieldError> errors = new ArrayList<>();

    FormInput(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Fields this form does not know are reported, so that a typo is not silently ignored. */
    void allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        new TreeSet<>(values.keySet()).stream().filter(key -> !allowed.contains(key))
                .forEach(key -> reject(key, "this task does not take '" + key + "'; its fields are "
                        + Arrays.stream(fields).sorted().collect(Collectors.joining(", "))));
    }

    Optional<String> text(String field, int maxLength) {
        Object value = values.get(field);
        if (value == null || String.valueOf(value).isBlank()) {
            return Optional.empty();
        }
        String text = String.valueOf(value).trim();
        if (text.length() > maxLength) {
            reject(field, "at most " + maxLength + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<String> requiredText(String field, int minLength, int maxLength, String what) {
        Optional<String> text = text(field, maxLength);
        if (text.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(field))) {
            reject(field, what + " is required");
        } else if (text.isPresent() && text.get().length() < minLength) {
            reject(field, what + " needs at least " + minLength + " characters");
            return Optional.empty();
        }
        return text;
    }

    <E extends Enum<E>> Optional<E> choice(String field, Class<E> type, boolean required) {
        Optional<String> text = text(field, 100);
        if (text.isEmpty()) {
            if (required) {
                reject(field, "choose one of " + names(type));
            }
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.get()));
        } catch (IllegalArgumentException e) {
            reject(field, "'" + text.get() + "' is not one of " + names(type));
            return Optional.empty();
        }
    }

    /** A list of texts (a JSON array, or one comma-separated text). */
    List<String> list(String field) {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(String.valueOf(value).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A list of objects (e.g. one travel document per person). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String field) {
        Object value = values.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return list.stream().map(item -> (Map<String, Object>) item).toList();
        }
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            reject(field, "a list of objects is expected");
        }
        return List.of();
    }

    <E extends Enum<E>> List<E> choices(String field, Class<E> type) {
        List<E> chosen = new ArrayList<>();
        for (String text : list(field)) {
            try {
                E value = Enum.valueOf(type, text);
                if (!chosen.contains(value)) {
                    chosen.add(value);
                }
            } catch (IllegalArgumentException e) {
                reject(field, "'" + text + "' is not one of " + names(type));
            }
        }
        return chosen;
    }

    Optional<LocalDate> date(String field, boolean required) {
        Optional<String> text = text(field, 40);
        if (text.isEmpty()) {
            if (required) {
                reject(field, "a date (YYYY-MM-DD) is required");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            reject(field, "'" + text.get() + "' is not a date (YYYY-MM-DD)");
            return Optional.empty();
        }
    }

    /** A moment: RFC 3339 date-time, or a date (taken as midnight UTC). */
    Optional<Instant> moment(String field, boolean required) {
        Optional<String> text = text(field, 40);
        if (text.isEmpty()) {
            if (required) {
                reject(field, "a date-time (e.g. 2025-03-01T09:30:00Z) is required");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(text.get()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                reject(field, "'" + text.get() + "' is not a date-time (e.g. 2025-03-01T09:30:00Z)");
                return Optional.empty();
            }
        }
    }

    Optional<Boolean> flag(String field, boolean required) {
        Object value = values.get(field);
        if (value == null) {
            if (required) {
                reject(field, "true or false is required");
            }
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        reject(field, "'" + text + "' is not true or false");
        return Optional.empty();
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
