package org.readmission.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, for code that is not a controller method (where
 * {@code @AuthenticationPrincipal ReadmissionPrincipal} is simpler), and the role check of an endpoint:
 * {@code callers.requireAnyOf(Role.SUPERVISOR)} answers 403 through the filter chain when the role is missing.
 */
public class CurrentCaller {

    /** The caller, or empty outside an authenticated request. */
    public Optional<ReadmissionPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ReadmissionPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /** The caller; without one, an exception the filter chain answers with 401. */
    public ReadmissionPrincipal get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller"));
    }

    /** The caller if it holds one of the roles; otherwise an exception the filter chain answers with 403. */
    public ReadmissionPrincipal requireAnyOf(Role... roles) {
        ReadmissionPrincipal principal = get();
        if (!principal.hasAnyRole(roles)) {
            throw new AccessDeniedException("requires one of the roles " + Arrays.stream(roles).map(Role::wireName)
                    .collect(Collectors.joining(", ")));
        }
        return principal;
    }
}
