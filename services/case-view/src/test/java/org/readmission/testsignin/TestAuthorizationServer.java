package org.readmission.testsignin;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OIDC provider for case-view's tests: Spring Authorization Server in its own application context on a free
 * port of 127.0.0.1, with its login form, the {@code workspace} client (authorization code, PKCE required, refresh
 * tokens) and the demo officers (password {@code demo}); ID and access tokens carry {@code party}, {@code roles},
 * {@code name}, {@code zoneinfo}, the access token {@code kind} and the audiences case-view and case-workflow, as the
 * local stack's auth-server issues them. The workspace's base URL (redirect and post-logout URIs) is set once the
 * service under test knows its port.
 */
public final class TestAuthorizationServer {

    /** A demo officer (the same people as the local stack's auth-server). */
    public record DemoOfficer(String username, String name, String party, String role, String zone) {
    }

    public static final List<DemoOfficer> OFFICERS = List.of(
            new DemoOfficer("az-sms.officer", "AZ SMS case officer", "AZ-SMS", "case-officer", "Asia/Baku"),
            new DemoOfficer("az-sms.supervisor", "AZ SMS supervisor", "AZ-SMS", "supervisor", "Asia/Baku"),
            new DemoOfficer("az-sms.protection", "AZ SMS protection officer", "AZ-SMS", "protection-officer", "Asia/Baku"),
            new DemoOfficer("az-mfa.consular", "AZ consular officer", "AZ-SMS", "consular-officer", "Asia/Baku"),
            new DemoOfficer("az-sbs.border", "AZ border officer", "AZ-SMS", "border-officer", "Asia/Baku"),
            new DemoOfficer("de-bpol.officer", "DE BPOL case officer", "DE-BPOL", "case-officer", "Europe/Berlin"),
            new DemoOfficer("de-bpol.supervisor", "DE BPOL supervisor", "DE-BPOL", "supervisor", "Europe/Berlin"),
            new DemoOfficer("de-bamf.supervisor", "DE BAMF supervisor", "DE-BAMF", "supervisor", "Europe/Berlin"),
            new DemoOfficer("de-bpol.protection", "DE BPOL protection officer", "DE-BPOL", "protection-officer", "Europe/Berlin"),
            new DemoOfficer("nl-dtv.officer", "NL DT&V case officer", "NL-DTV", "case-officer", "Europe/Amsterdam"));

    public static final String CLIENT_ID = "workspace";
    public static final String CLIENT_SECRET = "local-demo-workspace-secret";

    private static TestAuthorizationServer shared;

    private final ConfigurableApplicationContext context;
    private final String issuer;
    private volatile String workspaceBaseUrl = "http://127.0.0.1:8080";

    private TestAuthorizationServer() {
        context = new SpringApplicationBuilder(Server.class).web(WebApplicationType.SERVLET)
                // no application.yml of case-view's: this context has its own (empty) configuration
                .properties("spring.config.name=test-authorization-server", "server.port=0", "server.address=127.0.0.1",
                        "spring.main.banner-mode=off", "spring.jmx.enabled=false",
                        // its own session cookie: the workspace under test is on the same host
                        "server.servlet.session.cookie.name=TEST_AUTH_SERVER_SESSION")
                .initializers(c -> c.getBeanFactory().registerSingleton("testAuthorizationServer", this))
                .run();
        issuer = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The one server of this test JVM, started on first use and stopped when the JVM ends. */
    public static synchronized TestAuthorizationServer shared() {
        if (shared == null) {
            shared = new TestAuthorizationServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** Where the workspace under test runs ({@code http://127.0.0.1:<port>}): its redirect and post-logout URIs. */
    public void workspaceAt(String baseUrl) {
        this.workspaceBaseUrl = baseUrl;
    }

    RegisteredClient workspace() {
        return RegisteredClient.withId("workspace-client").clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(workspaceBaseUrl + "/login/oauth2/code/readmission")
                .postLogoutRedirectUri(workspaceBaseUrl + "/login?signedOut")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    static class Server {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(authorizationServer.getEndpointsMatcher())
                    .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        RegisteredClientRepository registeredClients(TestAuthorizationServer server) {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {
                    // the only save is the client secret's re-encoding after a successful authentication: not kept
                }

                @Override
                public RegisteredClient findById(String id) {
                    RegisteredClient workspace = server.workspace();
                    return workspace.getId().equals(id) ? workspace : null;
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? server.workspace() : null;
                }
            };
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        UserDetailsService officers() {
            Map<String, DemoOfficer> byName = OFFICERS.stream().collect(Collectors.toMap(DemoOfficer::username, Function.identity()));
            return username -> {
                DemoOfficer officer = byName.get(username);
                if (officer == null) {
                    throw new UsernameNotFoundException("no such user");
                }
                UserDetails user = User.withUsername(officer.username()).password("{noop}demo")
                        .roles(officer.role().toUpperCase(Locale.ROOT).replace('-', '_')).build();
                return user;
            };
        }

        /** The claims the services read, as the local stack's auth-server sets them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> officerClaims() {
            Map<String, DemoOfficer> byName = OFFICERS.stream().collect(Collectors.toMap(DemoOfficer::username, Function.identity()));
            return context -> {
                DemoOfficer officer = byName.get(context.getPrincipal().getName());
                if (officer == null) {
                    return;
                }
                context.getClaims().claim("party", officer.party()).claim("roles", List.of(officer.role()));
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    context.getClaims().claim("name", officer.name()).claim("zoneinfo", officer.zone());
                } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims().claim("kind", "person").audience(List.of("case-view", "case-workflow"));
                }
            };
        }
    }
}
