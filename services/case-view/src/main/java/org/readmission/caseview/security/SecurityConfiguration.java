package org.readmission.caseview.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Officers sign in through the system's OIDC provider (registration {@code readmission}: the {@code workspace} client,
 * authorization code with PKCE); who they are (party, role, name, time zone) comes from the ID token's claims. The
 * dashboard is for supervisors; health and metrics are open on loopback. Signing out ends the provider's session too
 * (RP-initiated logout) and comes back to {@code /login?signedOut}.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain web(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        // PKCE (S256) on every authorization request, the workspace being a confidential client too
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
        signedOut.setDefaultTargetUrl("/login?signedOut");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/dashboard/**").hasRole("SUPERVISOR")
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/tasks", true)
                        .failureUrl("/login?error")
                        .authorizationEndpoint(authorization -> authorization.authorizationRequestResolver(authorizationRequests))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesOfTheIdToken())))
                .logout(logout -> logout.logoutSuccessHandler(signedOut));
        return http.build();
    }

    /**
     * The provider's client registrations from {@code spring.security.oauth2.client.*}, with the issuer named in
     * {@code readmission.case-view.sign-in.issuer} (the ID token's {@code iss} must be it). The endpoints are
     * configured, not discovered, so that the workspace starts while the provider is still starting.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(OAuth2ClientProperties properties, SignInProperties signIn) {
        List<ClientRegistration> registrations = new ArrayList<>();
        new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().forEach(r -> registrations.add(
                ClientRegistration.withClientRegistration(r).issuerUri(signIn.issuer())
                        .providerConfigurationMetadata(Map.of("end_session_endpoint", signIn.endSessionUri())).build()));
        return new InMemoryClientRegistrationRepository(registrations);
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
                                                    OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    /** The officer's roles (the ID token's {@code roles}) as authorities: {@code ROLE_SUPERVISOR} … */
    static GrantedAuthoritiesMapper rolesOfTheIdToken() {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            List<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    try {
                        OfficerClaims.officerOf(oidc.getIdToken().getClaims());
                    } catch (IllegalArgumentException noOfficer) {
                        // no party or no role: not an officer of a party; the sign-in ends on /login?error
                        throw new OAuth2AuthenticationException(new OAuth2Error("not_an_officer"), noOfficer.getMessage());
                    }
                    mapped.addAll(OfficerClaims.authoritiesOf(oidc.getIdToken().getClaims()));
                }
            }
            return mapped;
        };
    }

    @Bean
    CurrentOfficer currentOfficer() {
        return () -> {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
                Map<String, Object> claims = user.getIdToken() != null ? user.getIdToken().getClaims() : user.getClaims();
                return OfficerClaims.officerOf(claims);
            }
            throw new IllegalStateException("nobody is signed in");
        };
    }
}
