package org.readmission.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/** How the auto-configuration starts, backs off and refuses an unsafe configuration. */
class ResourceServerAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class))
            .withPropertyValues("spring.application.name=case-workflow",
                    "readmission.security.issuers[0].issuer=http://127.0.0.1:9000",
                    "readmission.security.issuers[0].jwk-set-uri=http://127.0.0.1:9000/oauth2/jwks");

    @Test
    void givesTheServiceTheDefaultChain() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(TrustedIssuersJwtDecoder.class).hasSingleBean(CurrentCaller.class);
            assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("resourceServerFilterChain");
        });
    }

    @Test
    void backsOffWhenTheServiceHasItsOwnChain() {
        runner.withUserConfiguration(OwnChain.class).run(context ->
                assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("ownChain"));
    }

    @Test
    void refusesSymmetricAlgorithms() {
        runner.withPropertyValues("readmission.security.algorithms=RS256,HS256").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("refused: [HS256]"));
    }

    @Test
    void refusesToStartWithoutTrustedIssuers() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class))
                .withPropertyValues("spring.application.name=case-workflow")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("issuers is empty"));
    }

    @Test
    void refusesToStartWithoutAudience() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class, SecurityAutoConfiguration.class))
                .withPropertyValues("readmission.security.issuers[0].issuer=http://127.0.0.1:9000",
                        "readmission.security.issuers[0].jwk-set-uri=http://127.0.0.1:9000/oauth2/jwks")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("must name this service"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http, BearerAuthentication bearer) throws Exception {
            bearer.applyTo(http).authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
            return http.build();
        }
    }
}
