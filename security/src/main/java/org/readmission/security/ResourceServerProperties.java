package org.readmission.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code readmission.security.*}: which tokens this service accepts.
 *
 * @param enabled    whether the module configures anything (default true)
 * @param audience   the {@code aud} a token must name: this service's own name (default {@code spring.application.name})
 * @param clockSkew  tolerance on {@code exp} / {@code nbf} between hosts (default 30 s)
 * @param algorithms accepted JWS algorithms; only {@code RS256} and {@code ES256} may be listed (the default is both).
 *                   Symmetric ({@code HS*}) and {@code none} are refused: a shared secret would let every service mint
 *                   tokens for every other
 * @param issuers    the allow-list: a token from any other issuer is refused
 * @param openPaths  request patterns the default filter chain lets through without a token, in addition to health,
 *                   info, prometheus and the OpenAPI documents
 */
@ConfigurationProperties("readmission.security")
public record ResourceServerProperties(Boolean enabled, String audience, Duration clockSkew, List<String> algorithms,
                                       List<TrustedIssuer> issuers, List<String> openPaths) {

    public ResourceServerProperties {
        enabled = enabled == null || enabled;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256") : List.copyOf(algorithms);
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        openPaths = openPaths == null ? List.of() : List.copyOf(openPaths);
    }

    /**
     * One trusted issuer and where its public keys are: {@code jwk-set-uri} (fetched, cached, re-fetched on an unknown
     * {@code kid} at most every 30 s) or {@code jwk-set} (a JWK set file or classpath resource, for tests and
     * air-gapped set-ups).
     *
     * @param issuer    the exact {@code iss} value, e.g. {@code http://127.0.0.1:9000}
     * @param jwkSetUri the issuer's JWKS endpoint, e.g. {@code http://127.0.0.1:9000/oauth2/jwks}
     * @param jwkSet    a JWK set document ({@code file:...}, {@code classpath:...})
     */
    public record TrustedIssuer(String issuer, String jwkSetUri, Resource jwkSet) {
    }
}
