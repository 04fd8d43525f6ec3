package org.readmission.caseworkflow.engine;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Camunda's authentication provider for the webapps and the engine REST API: the engine user is whoever Spring
 * Security has signed in for this request ({@link EngineUsers}: user id, candidate groups, the party as tenant).
 * Camunda's filters then set it with {@code IdentityService.setAuthentication(user, groups, tenants)} for the request,
 * so that Camunda's authorization and tenant checks apply, and clear it afterwards.
 */
final class SignedInEngineUser implements AuthenticationProvider {

    private final EngineUsers users;

    SignedInEngineUser(EngineUsers users) {
        this.users = users;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        return users.of(SecurityContextHolder.getContext().getAuthentication()).map(user -> {
            AuthenticationResult result = AuthenticationResult.successful(user.id());
            result.setGroups(user.groups());
            result.setTenants(user.tenants());
            return result;
        }).orElseGet(AuthenticationResult::unsuccessful);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // only reached when Spring Security let a request through without an engine user, which its rules prevent
        response.setHeader("WWW-Authenticate", "Bearer");
    }
}
