package org.readmission.audit.web;

import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller as the service's resource server validated it: the {@link ReadmissionPrincipal} of the bearer token
 * (user = {@code sub}, the token's {@code party} and roles). Empty without an authenticated token.
 */
public final class PrincipalCallers implements Callers {

    @Override
    public Optional<Caller> current(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || !(authentication.getPrincipal() instanceof ReadmissionPrincipal principal)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(principal.id(), principal.party(),
                principal.roles().stream().map(Role::wireName).collect(Collectors.toUnmodifiableSet())));
    }
}
