package org.readmission.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every resource-server filter chain of this system has, whatever its authorization rules: bearer JWTs checked by
 * the service's {@link JwtDecoder}, the caller as {@link ReadmissionAuthentication}, no session and no CSRF (no
 * cookies are involved), RFC 7807 answers. A service that declares its own {@code SecurityFilterChain} applies it
 * first: {@code bearer.applyTo(http); http.authorizeHttpRequests(...)}.
 */
public class BearerAuthentication {

    private final JwtDecoder decoder;
    private final ProblemAnswers answers;

    public BearerAuthentication(JwtDecoder decoder, ProblemAnswers answers) {
        this.decoder = decoder;
        this.answers = answers;
    }

    public HttpSecurity applyTo(HttpSecurity http) throws Exception {
        return http
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(ReadmissionAuthentication::of))
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
    }
}
