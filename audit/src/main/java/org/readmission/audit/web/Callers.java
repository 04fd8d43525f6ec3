package org.readmission.audit.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells who sends a request. For now the headers {@code X-User}, {@code X-Party-Code}, {@code X-Role}
 * ({@link HeaderCallers}); the JWT resource server replaces it by declaring its own bean.
 */
public interface Callers {

    /** The caller, or empty when the request does not say who it comes from (401). */
    Optional<Caller> current(HttpServletRequest request);
}
