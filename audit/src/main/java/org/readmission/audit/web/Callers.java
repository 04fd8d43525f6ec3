package org.readmission.audit.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who sends a request: in a service that is a resource server (the {@code security} module), the validated
 * bearer token's principal ({@link PrincipalCallers}). Without it, nobody is known and the auditors' API answers 401.
 */
public interface Callers {

    /** The caller, or empty when the request does not say who it comes from (401). */
    Optional<Caller> current(HttpServletRequest request);
}
