package org.readmission.audit.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

/** The interim caller identification: {@code X-User}, {@code X-Party-Code}, {@code X-Role} (comma-separated roles). */
public class HeaderCallers implements Callers {

    @Override
    public Optional<Caller> current(HttpServletRequest request) {
        String user = request.getHeader("X-User");
        String party = request.getHeader("X-Party-Code");
        String roles = request.getHeader("X-Role");
        if (isBlank(user) || isBlank(party) || isBlank(roles)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(user.trim(), party.trim().toUpperCase(Locale.ROOT),
                Arrays.stream(roles.split(",")).map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
