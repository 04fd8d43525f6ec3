package org.readmission.caseworkflow.engine;

import org.readmission.security.BearerAuthentication;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The service's APIs ({@code /api/**}) take bearer JWTs of the trusted issuers
 * ({@code readmission.security.issuers}, audience {@code case-workflow}, see the {@code security} module):
 * <ul>
 *   <li>{@code /api/v1/tasks/**}: any officer of a party; the task API itself checks the party and the role against
 *       the task's candidate group;</li>
 *   <li>{@code /api/v1/inbox/**}: supervisors and auditors of a party;</li>
 *   <li>{@code /api/v1/audit/**}: auditors of a party (the audit module checks the role too).</li>
 * </ul>
 * Camunda's webapps ({@code /camunda/**}, with Camunda's own login) and its REST API ({@code /engine-rest/**}, HTTP
 * Basic for engine users, {@link EngineRestSecurity}) keep their own protection for now: their chain does not look
 * at bearer tokens. Health, info, prometheus and the OpenAPI documents are open, as in every service. Anything else
 * needs a token.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Camunda's webapps and engine REST API: protected by Camunda's own authentication filters, not by tokens. */
    @Bean
    @Order(1)
    SecurityFilterChain camunda(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(matchers("/camunda/**", "/engine-rest/**", "/")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // the webapps have their own CSRF protection (Camunda's CsrfPreventionFilter); engine REST is HTTP Basic
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, BearerAuthentication bearer) throws Exception {
        bearer.applyTo(http).authorizeHttpRequests(requests -> requests
                .requestMatchers(matchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error")).permitAll()
                .requestMatchers(matchers("/api/v1/inbox", "/api/v1/inbox/**"))
                .access(partyMemberWithAnyOf(Role.SUPERVISOR, Role.AUDITOR))
                .requestMatchers(matchers("/api/v1/audit", "/api/v1/audit/**")).access(partyMemberWithAnyOf(Role.AUDITOR))
                .requestMatchers(matchers("/api/v1/tasks", "/api/v1/tasks/**")).authenticated()
                .anyRequest().authenticated());
        return http.build();
    }

    private static RequestMatcher[] matchers(String... patterns) {
        return java.util.Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new);
    }

    /** A caller who acts for a party (not a service client without one) and holds one of the roles. */
    private static AuthorizationManager<RequestAuthorizationContext> partyMemberWithAnyOf(Role... roles) {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            boolean allowed = caller != null && caller.getPrincipal() instanceof ReadmissionPrincipal principal
                    && principal.party() != null && !principal.party().isBlank() && principal.hasAnyRole(roles);
            return new AuthorizationDecision(allowed);
        };
    }
}
