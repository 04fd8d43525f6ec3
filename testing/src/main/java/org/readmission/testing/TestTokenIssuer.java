package org.readmission.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for resource-server tests: an RSA (RS256) and an EC (ES256) key, their public JWK set served over
 * HTTP on 127.0.0.1 (a random port) or written to a file, and tokens minted with any party, roles, audience, expiry,
 * issuer and {@code kid} — including the bad ones a resource server must refuse ({@link Token#unsigned()},
 * {@link Token#tampered()}, {@link Token#signedByUnknownKey()}, {@link Token#signedWithSecret(byte[])}).
 *
 * <pre>{@code
 * try (TestTokenIssuer issuer = TestTokenIssuer.serving()) {
 *     String token = issuer.token().subject("de-bpol.officer").party("DE-BPOL").roles("case-officer")
 *             .audience("case-workflow").sign();
 * }
 * }</pre>
 */
public final class TestTokenIssuer implements AutoCloseable {

    private final RSAKey rsaKey;
    private final ECKey ecKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer(String issuer, HttpServer server) {
        this.rsaKey = generateRsa();
        this.ecKey = generateEc();
        this.server = server;
        this.issuer = issuer;
    }

    /** An issuer whose JWK set is served at {@link #jwkSetUri()}; its issuer id is {@code http://127.0.0.1:<port>}. */
    public static TestTokenIssuer serving() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestTokenIssuer issuer = new TestTokenIssuer("http://127.0.0.1:" + server.getAddress().getPort(), server);
            server.createContext("/jwks", exchange -> {
                byte[] body = issuer.jwkSetJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An issuer without HTTP: pass its keys with {@link #writeJwkSet(Path)}. */
    public static TestTokenIssuer offline(String issuer) {
        return new TestTokenIssuer(issuer, null);
    }

    /** The {@code iss} of its tokens. */
    public String issuer() {
        return issuer;
    }

    /** Where the public JWK set is served. */
    public String jwkSetUri() {
        if (server == null) {
            throw new IllegalStateException("an offline issuer serves no JWK set; use writeJwkSet(file)");
        }
        return issuer + "/jwks";
    }

    /** The public JWK set (both keys, with their {@code kid}). */
    public String jwkSetJson() {
        return new JWKSet(List.of(rsaKey.toPublicJWK(), ecKey.toPublicJWK())).toString();
    }

    /** Writes the public JWK set to a file and returns it. */
    public Path writeJwkSet(Path file) {
        try {
            return Files.writeString(file, jwkSetJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The properties that make a service of the {@code security} module trust this issuer, and only it, e.g. in a
     * {@code @DynamicPropertySource}: {@code issuer.trustProperties().forEach(registry::add)}.
     */
    public java.util.Map<String, java.util.function.Supplier<Object>> trustProperties() {
        return java.util.Map.of("readmission.security.issuers[0].issuer", this::issuer,
                "readmission.security.issuers[0].jwk-set-uri", this::jwkSetUri);
    }

    /** A signed token of a person ({@code kind=person}) of {@code party} with {@code roles}, for {@code audience}. */
    public String person(String audience, String subject, String party, String... roles) {
        return token().subject(subject).party(party).roles(roles).kind("person").audience(audience).sign();
    }

    /** A token of this issuer, valid for five minutes, for the subject {@code test-user}; refine, then sign. */
    public Token token() {
        return new Token();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** One token being minted. Every setter returns this token; the terminal methods return the compact JWT. */
    public final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String tokenIssuer = issuer;
        private String subject = "test-user";
        private List<String> audience = List.of();
        private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(5));
        private String kid;
        private boolean ec;

        private Token() {
        }

        public Token subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Token party(String party) {
            return claim("party", party);
        }

        public Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        /** {@code person} or {@code system}. */
        public Token kind(String kind) {
            return claim("kind", kind);
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        /** When it expires; {@code null} for a token without {@code exp}. */
        public Token expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Token expired() {
            return expiresAt(Instant.now().minus(Duration.ofHours(1)));
        }

        /** Another {@code iss} than this issuer's (the token is still signed with this issuer's key). */
        public Token issuer(String issuer) {
            this.tokenIssuer = issuer;
            return this;
        }

        /** Another {@code kid} header than the signing key's (the signature stays valid). */
        public Token kid(String kid) {
            this.kid = kid;
            return this;
        }

        /** Sign with the EC key (ES256) instead of the RSA key (RS256). */
        public Token es256() {
            this.ec = true;
            return this;
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        /** Signed with this issuer's key: valid if the claims are. */
        public String sign() {
            try {
                JWSSigner signer = ec ? new ECDSASigner(ecKey) : new RSASSASigner(rsaKey);
                JWSAlgorithm algorithm = ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
                return signed(algorithm, kid != null ? kid : (ec ? ecKey : rsaKey).getKeyID(), signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** {@code alg=none}: no signature at all. */
        public String unsigned() {
            return new PlainJWT(claimsSet()).serialize();
        }

        /** Signed, then its payload changed (the {@code party} claim) with the old signature kept. */
        public String tampered() {
            String[] parts = sign().split("\\.");
            try {
                JWTClaimsSet changed = new JWTClaimsSet.Builder(JWTClaimsSet.parse(new Base64URL(parts[1]).decodeToString()))
                        .claim("party", "XX-TAMPERED").build();
                return parts[0] + "." + Base64URL.encode(changed.toString()).toString() + "." + parts[2];
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Signed by a key the issuer never published, with a {@code kid} of its own. */
        public String signedByUnknownKey() {
            RSAKey stranger = generateRsa();
            try {
                return signed(JWSAlgorithm.RS256, stranger.getKeyID(), new RSASSASigner(stranger));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        /** HS256 with a shared secret (at least 32 bytes), as if someone knew it: a symmetric token. */
        public String signedWithSecret(byte[] secret) {
            try {
                return signed(JWSAlgorithm.HS256, kid != null ? kid : rsaKey.getKeyID(), new MACSigner(secret));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private String signed(JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws JOSEException {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claimsSet());
            jwt.sign(signer);
            return jwt.serialize();
        }

        private JWTClaimsSet claimsSet() {
            Instant now = Instant.now();
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(tokenIssuer).subject(subject)
                    .audience(audience).issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(1)))
                    .jwtID(UUID.randomUUID().toString());
            if (expiresAt != null) {
                builder.expirationTime(Date.from(expiresAt));
            }
            claims.forEach(builder::claim);
            return builder.build();
        }
    }

    private static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
