package org.readmission.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Decodes a bearer token only if an allow-listed issuer signed it for this service. The {@code iss} of the (not yet
 * trusted) token picks the issuer's own {@link NimbusJwtDecoder}, which then checks everything: signature with a key
 * of that issuer's JWK set selected by {@code kid} and an allowed algorithm, {@code iss}, {@code aud} naming this
 * service, {@code exp} present and not passed, {@code nbf}. Unsigned ({@code alg=none}) and encrypted tokens are
 * refused before any key is looked at. Every refusal is a {@link BadJwtException}, which the filter chain answers with
 * 401.
 */
public final class TrustedIssuersJwtDecoder implements JwtDecoder {

    /** The only algorithms a configuration may allow: asymmetric, so that a service can verify but never sign. */
    public static final Set<String> PERMITTED_ALGORITHMS = Set.of("RS256", "ES256");

    private static final int JWKS_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

    private final Map<String, JwtDecoder> byIssuer;

    private TrustedIssuersJwtDecoder(Map<String, JwtDecoder> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    /** The decoder of a service whose tokens must name {@code audience}; fails fast on an unsafe configuration. */
    public static TrustedIssuersJwtDecoder of(ResourceServerProperties properties, String audience) {
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("readmission.security.audience (or spring.application.name) must name this service");
        }
        if (properties.issuers().isEmpty()) {
            throw new IllegalStateException("readmission.security.issuers is empty: no token could ever be accepted");
        }
        Set<JWSAlgorithm> algorithms = algorithms(properties.algorithms());
        Map<String, JwtDecoder> byIssuer = new LinkedHashMap<>();
        for (ResourceServerProperties.TrustedIssuer trusted : properties.issuers()) {
            if (trusted.issuer() == null || trusted.issuer().isBlank()) {
                throw new IllegalStateException("readmission.security.issuers[].issuer must be set");
            }
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor(keysOf(trusted), algorithms));
            decoder.setJwtValidator(validator(trusted.issuer(), audience, properties.clockSkew()));
            byIssuer.put(trusted.issuer(), decoder);
        }
        return new TrustedIssuersJwtDecoder(byIssuer);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        JWT parsed;
        String issuer;
        try {
            parsed = JWTParser.parse(token);
            issuer = parsed.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("malformed token");
        }
        if (!(parsed instanceof SignedJWT)) {
            throw new BadJwtException("unsigned and encrypted tokens are refused");
        }
        JwtDecoder decoder = issuer == null ? null : byIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("the token's issuer is not trusted");
        }
        try {
            return decoder.decode(token);
        } catch (BadJwtException e) {
            throw e;
        } catch (JwtException e) {
            if (e.getCause() instanceof RateLimitReachedException) {
                // an unknown kid right after the last JWKS refresh: not a key of the issuer as far as we know
                throw new BadJwtException("the token's signing key is not known", e);
            }
            throw e;
        }
    }

    private static Set<JWSAlgorithm> algorithms(List<String> names) {
        Set<String> refused = names.stream().filter(n -> !PERMITTED_ALGORITHMS.contains(n)).collect(Collectors.toSet());
        if (!refused.isEmpty()) {
            throw new IllegalStateException("readmission.security.algorithms may only list " + PERMITTED_ALGORITHMS
                    + "; refused: " + refused);
        }
        return names.stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    }

    private static JWKSource<SecurityContext> keysOf(ResourceServerProperties.TrustedIssuer trusted) {
        if (trusted.jwkSetUri() != null && !trusted.jwkSetUri().isBlank()) {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(trusted.jwkSetUri()).toURL(),
                        new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES)).build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalStateException("not a URL: jwk-set-uri of issuer " + trusted.issuer(), e);
            }
        }
        if (trusted.jwkSet() != null) {
            try (InputStream in = trusted.jwkSet().getInputStream()) {
                // only the public halves, even if the file holds private keys too
                return new ImmutableJWKSet<>(JWKSet.load(in).toPublicJWKSet());
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("cannot read the JWK set of issuer " + trusted.issuer(), e);
            }
        }
        throw new IllegalStateException("issuer " + trusted.issuer() + " needs jwk-set-uri or jwk-set");
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        // plain JWT (Spring Authorization Server, Keycloak) and RFC 9068 access tokens
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        // the claims are checked by Spring Security's validators below
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        return processor;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, String audience, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience)));
    }
}
