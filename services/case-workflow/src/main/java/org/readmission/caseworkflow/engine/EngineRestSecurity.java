package org.readmission.caseworkflow.engine;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API ({@code /engine-rest}) answers only to users of the engine (HTTP Basic, e.g. the demo user of
 * the local stack). The service's own APIs take bearer tokens ({@link WebSecurity}); Camunda's webapps have Camunda's
 * login. Moving the webapps and this API to the OIDC provider too is still to do.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "readmission.engine-rest.basic-auth", havingValue = "true", matchIfMissing = true)
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<Filter> engineRestAuthentication() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }
}
