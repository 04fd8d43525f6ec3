package org.readmission.caseworkflow.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Camunda's own authentication filters, fed by Spring Security ({@link WebSecurity} signs the caller in first):
 * <ul>
 *   <li>{@code /engine-rest/*}: Camunda's {@link ProcessEngineAuthenticationFilter} sets the engine user of the bearer
 *       token for the request and clears it afterwards;</li>
 *   <li>{@code /camunda/app/*}, {@code /camunda/api/*}: the webapps' {@link ContainerBasedAuthenticationFilter} makes
 *       the OIDC user the webapps' authentication (kept in the session; Camunda's own {@code AuthenticationFilter}
 *       then sets it on the engine for each webapp API call).</li>
 * </ul>
 * Both use the same {@link SignedInEngineUser} and run right after Spring Security's filter chain, before Camunda's
 * webapp filters (which Camunda's initializer registers last).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CamundaAccessProperties.class)
class EngineAuthentication {

    static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    EngineUsers engineUsers(CamundaAccessProperties properties) {
        return new EngineUsers(properties.adminGroups());
    }

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication(EngineUsers users) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new EngineRestFilter(new SignedInEngineUser(users)));
        registration.setName("readmission-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<Filter> webappAuthentication(EngineUsers users) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
                new WebappFilter(new SignedInEngineUser(users)));
        registration.setName("readmission-webapp-authentication");
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(ORDER);
        return registration;
    }

    /**
     * Camunda's REST authentication filter with this service's provider instance (no init-param). An instance, task
     * … of a tenant the caller does not belong to answers 404, as one that does not exist: the engine refuses such a
     * call with a plain {@code ProcessEngineException} ({@code ENGINE-13034 ... belongs to no authenticated tenant}),
     * which Camunda's REST API would answer with 500 and the id in the message.
     */
    static final class EngineRestFilter extends ProcessEngineAuthenticationFilter {

        static final String UNAUTHORIZED_TENANT = "ENGINE-13034";
        static final String NOT_FOUND = "{\"type\":\"InvalidRequestException\",\"message\":\"Not found\"}";

        EngineRestFilter(AuthenticationProvider provider) {
            this.authenticationProvider = provider;
        }

        @Override
        public void init(FilterConfig config) {
            // the provider is given; no servlet path prefix: the REST servlet is mapped at /engine-rest/*
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper((HttpServletResponse) response);
            try {
                super.doFilter(request, answer, chain);
            } finally {
                if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                        && new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8).contains(UNAUTHORIZED_TENANT)) {
                    answer.resetBuffer();
                    answer.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    answer.setContentType("application/json");
                    answer.getOutputStream().write(NOT_FOUND.getBytes(StandardCharsets.UTF_8));
                }
                answer.copyBodyToResponse();
            }
        }
    }

    /**
     * The webapps' container-based authentication with this service's provider. The signed-in user lives at the OIDC
     * provider, not in the engine's identity tables, so the webapps' authentication is built from the provider's
     * answer (Camunda's default looks the user up and gives up when it is not there).
     */
    static final class WebappFilter extends ContainerBasedAuthenticationFilter {

        /** The webapps' "who am I" call, which the front-ends make first: it names the engine too. */
        private static final Pattern AUTH_USER = Pattern.compile("/api/(cockpit|admin|tasklist|welcome)/auth/user/([^/]+)");

        WebappFilter(AuthenticationProvider provider) {
            this.authenticationProvider = provider;
        }

        @Override
        public void init(FilterConfig config) {
            // the provider is given
        }

        @Override
        protected String extractEngineName(HttpServletRequest request) {
            String engine = super.extractEngineName(request);
            if (engine == null && "GET".equals(request.getMethod())) {
                Matcher whoAmI = AUTH_USER.matcher(getRequestUri(request));
                if (whoAmI.matches()) {
                    return whoAmI.group(2);
                }
            }
            return engine;
        }

        @Override
        protected UserAuthentication createAuthentication(ProcessEngine engine, String user, List<String> groups,
                                                          List<String> tenants) {
            UserAuthentication authentication = new UserAuthentication(user, engine.getName());
            authentication.setGroupIds(groups);
            authentication.setTenantIds(tenants);
            authentication.setAuthorizedApps(authorizedApps(engine, user, groups));
            return authentication;
        }

        /** As Camunda decides it: welcome always; cockpit, tasklist, admin by the APPLICATION grants. */
        private static Set<String> authorizedApps(ProcessEngine engine, String user, List<String> groups) {
            Set<String> apps = new HashSet<>();
            apps.add(AuthenticationUtil.APP_WELCOME);
            engine.getIdentityService().clearAuthentication();
            AuthorizationService authorizations = engine.getAuthorizationService();
            for (String app : AuthenticationUtil.APPS) {
                if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled() || groups.contains(Groups.CAMUNDA_ADMIN)
                        || authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, app)) {
                    apps.add(app);
                }
            }
            return apps;
        }
    }
}
