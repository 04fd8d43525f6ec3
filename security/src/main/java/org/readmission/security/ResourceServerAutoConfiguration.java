package org.readmission.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The service as an OAuth2 resource server: its {@link JwtDecoder} from {@code readmission.security.*}, the caller API
 * and, in a servlet web application, a default filter chain (open: health, info, prometheus, OpenAPI; everything
 * else, {@code /api/**} included, needs a valid token). Every bean backs off when the service declares its own.
 * Runs before Spring Boot's security auto-configurations so that no generated password user and no second chain
 * appear.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnProperty(prefix = "readmission.security", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerAutoConfiguration {

    /** Always open: probes, metrics scraping (bound to loopback) and the API documents. */
    static final List<String> OPEN_PATHS = List.of("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ResourceServerProperties properties, Environment environment) {
        String audience = properties.audience() != null && !properties.audience().isBlank() ? properties.audience()
                : environment.getProperty("spring.application.name");
        return TrustedIssuersJwtDecoder.of(properties, audience);
    }

    @Bean
    @ConditionalOnMissingBean
    CurrentCaller currentCaller() {
        return new CurrentCaller();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAnswers problemAnswers() {
        return new ProblemAnswers();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class FilterChainConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BearerAuthentication bearerAuthentication(JwtDecoder decoder, ProblemAnswers answers) {
            return new BearerAuthentication(decoder, answers);
        }

        @Bean
        @ConditionalOnMissingBean(SecurityFilterChain.class)
        SecurityFilterChain resourceServerFilterChain(HttpSecurity http, BearerAuthentication bearer,
                                                      ResourceServerProperties properties) throws Exception {
            List<String> open = new ArrayList<>(OPEN_PATHS);
            open.addAll(properties.openPaths());
            RequestMatcher[] openMatchers = open.stream().map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                    .toArray(RequestMatcher[]::new);
            bearer.applyTo(http).authorizeHttpRequests(requests -> requests
                    .requestMatchers(openMatchers).permitAll()
                    .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**")).authenticated()
                    // deny by default: a path nobody listed still needs a token
                    .anyRequest().authenticated());
            return http.build();
        }
    }
}
