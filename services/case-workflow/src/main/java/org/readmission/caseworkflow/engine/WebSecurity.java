package org.readmission.caseworkflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.readmission.security.BearerAuthentication;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. Everything is behind the same sign-in: the OIDC provider of {@code readmission.security.issuers}
 * (bearer JWTs, audience {@code case-workflow}, see the {@code security} module) and, for a browser, the same provider's
 * sign-in ({@code readmission.camunda.sign-in}, client {@code case-workflow}, authorization code with PKCE).
 * <ul>
 *   <li>{@code /api/v1/tasks/**}: any officer of a party; the task API itself checks the party and the role against
 *       the task's candidate group;</li>
 *   <li>{@code /api/v1/inbox/**}: supervisors and auditors of a party;</li>
 *   <li>{@code /api/v1/audit/**}: auditors of a party (the audit module checks the role too);</li>
 *   <li>{@code /engine-rest/**} (Camunda's REST API): a bearer token of a person or system <em>of a party</em>
 *       (401 without a valid one, 403 without a party). Each call then runs as that engine user
 *       ({@link EngineUsers}: groups {@code <PARTY>:<role>}, tenant {@code <PARTY>}), so Camunda's authorizations
 *       ({@link EngineGrants}) and tenant checks ({@link PartyTenants}) decide what it sees and may do;</li>
 *   <li>{@code /camunda/**} (Cockpit, Tasklist, Admin): signed in through the OIDC provider (a browser without a
 *       session is sent there; the webapps' API answers 401), as an officer of a party; the webapps then run as the
 *       same engine user. Camunda's own login ({@code .../auth/user/{engine}/login/{app}}) and first-admin setup
 *       ({@code /camunda/api/admin/setup/**}) are closed: there are no engine users with passwords. Camunda's CSRF
 *       protection of the webapps stays on.</li>
 * </ul>
 * Health, info, prometheus and the OpenAPI documents are open, as in every service. Anything else needs a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class WebSecurity {

    /** The client registration of the webapps' sign-in ({@code spring.security.oauth2.client.registration.readmission}). */
    static final String REGISTRATION = "readmission";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Camunda's REST API: bearer tokens of officers of a party; the engine's authorizations do the rest. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, BearerAuthentication bearer) throws Exception {
        http.securityMatcher(PATHS.matcher("/engine-rest/**"));
        bearer.applyTo(http).authorizeHttpRequests(requests -> requests.anyRequest().access(partyMember()));
        return http.build();
    }

    /** Camunda's webapps: signed in through the OIDC provider (authorization code + PKCE), in a session. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.securityMatcher(new OrRequestMatcher(matchers("/camunda/**", "/", "/oauth2/authorization/**",
                        "/login/oauth2/code/**")))
                .authorizeHttpRequests(requests -> requests
                        // Camunda's own login and first-admin setup: no way in besides the OIDC sign-in
                        .requestMatchers(PATHS.matcher("/camunda/api/*/auth/user/*/login/**"),
                                PATHS.matcher("/camunda/api/admin/setup/**")).denyAll()
                        // Camunda's index redirect to /camunda/app/
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/")).permitAll()
                        .anyRequest().access(partyMember()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), PATHS.matcher("/camunda/api/**")))
                .oauth2Login(login -> login.loginPage(
                                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + REGISTRATION)
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(authorizationRequests))
                        .defaultSuccessUrl("/camunda/app/")
                        .failureHandler((request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value())))
                // the webapps' sign-out button ends this service's session (the provider's session is the provider's)
                .logout(logout -> logout
                        .logoutRequestMatcher(PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.OK)))
                // the webapps have their own CSRF protection (Camunda's CsrfPreventionFilter, X-XSRF-TOKEN)
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
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

    /**
     * The webapps' client registrations from {@code spring.security.oauth2.client.*}, with the issuer named in
     * {@code readmission.camunda.sign-in.issuer} (the ID token's {@code iss} must be it). The endpoints are configured,
     * not discovered, so that the service starts while the provider is still starting.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties, CamundaAccessProperties access) {
        List<ClientRegistration> registrations = new ArrayList<>();
        new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().forEach(r -> registrations.add(
                ClientRegistration.withClientRegistration(r).issuerUri(access.signIn().issuer())
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", access.signIn().endSessionUri()))
                        .build()));
        return new InMemoryClientRegistrationRepository(registrations);
    }

    private static RequestMatcher[] matchers(String... patterns) {
        return java.util.Arrays.stream(patterns).map(PATHS::matcher).toArray(RequestMatcher[]::new);
    }

    /** A signed-in person or system that acts for a party (bearer token or webapp sign-in), whatever its roles. */
    private static AuthorizationManager<RequestAuthorizationContext> partyMember() {
        return (authentication, context) -> {
            Authentication caller = authentication.get();
            boolean allowed = EngineUsers.principalOf(caller).map(ReadmissionPrincipal::party)
                    .filter(party -> !party.isBlank()).isPresent();
            return new AuthorizationDecision(allowed);
        };
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
