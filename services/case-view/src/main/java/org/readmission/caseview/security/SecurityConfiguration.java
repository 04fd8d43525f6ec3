package org.readmission.caseview.security;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Form login per party and role; the dashboard is for supervisors; health and metrics are open on loopback. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/dashboard/**").hasRole("SUPERVISOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tasks", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUsers(DemoUsers users, PasswordEncoder encoder) {
        Map<String, OfficerDetails> byName = users.users().stream().map(u -> new OfficerDetails(
                        new Officer(u.username(), u.name() == null ? u.username() : u.name(), u.party(), u.role(),
                                ZoneId.of(u.zone() == null ? "UTC" : u.zone())),
                        u.password().startsWith("{") ? u.password() : encoder.encode(u.password())))
                .collect(Collectors.toMap(d -> d.officer().username(), Function.identity()));
        return username -> {
            OfficerDetails details = byName.get(username);
            if (details == null) {
                throw new UsernameNotFoundException("no such user");
            }
            return new OfficerDetails(details.officer(), details.password());
        };
    }

    @Bean
    CurrentOfficer currentOfficer() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OfficerDetails details) {
                return details.officer();
            }
            throw new IllegalStateException("nobody is signed in");
        };
    }
}
