package org.readmission.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answers of the filter chain as RFC 7807 problem documents: 401 without a usable token, 403 with a token that
 * lacks the role. Fixed texts only: nothing from the token or the request (no user, party, path or claim value) is
 * echoed, so a refusal can neither leak personal data nor help probing. The reason stays in the logs at DEBUG.
 */
public class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final String UNAUTHORIZED = problem(401, "Unauthorized",
            "This API needs a valid bearer token from a trusted issuer, issued for this service.");
    private static final String FORBIDDEN = problem(403, "Forbidden",
            "Your token is valid, but your role or party does not allow this request.");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        // RFC 6750 section 3: say that a bearer token is expected, and whether the one sent was bad
        response.setHeader("WWW-Authenticate", reason instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException reason)
            throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
    }

    private static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body);
    }

    private static String problem(int status, String title, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }
}
