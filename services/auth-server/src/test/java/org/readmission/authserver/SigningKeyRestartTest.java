package org.readmission.authserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.security.TokenClaims;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A token issued before a restart is still valid after it: the signing key is kept under the data directory. */
class SigningKeyRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsSigningKeyAcrossRestart() throws Exception {
        int port = FreePort.pick();
        AuthServerClient client = new AuthServerClient("http://127.0.0.1:" + port);

        String token;
        String keyId;
        try (ConfigurableApplicationContext first = start(port)) {
            token = client.json(client.clientCredentials("az-sms-system", "local-demo-az-sms-secret")).get("access_token").asText();
            keyId = client.getJson("/oauth2/jwks").get("keys").get(0).get("kid").asText();
        }
        Path key = dataDir.resolve("keys/signing-key.json");
        assertThat(key).exists();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        try (ConfigurableApplicationContext second = start(port)) {
            assertThat(client.getJson("/oauth2/jwks").get("keys").get(0).get("kid").asText()).isEqualTo(keyId);
            assertThat(TokenClaims.principalOf(client.decoderOf("partner-gateway").decode(token)).party()).isEqualTo("AZ-SMS");
        }
    }

    private ConfigurableApplicationContext start(int port) {
        return new SpringApplicationBuilder(AuthServerApplication.class).run("--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                "--readmission.data-dir=" + dataDir, "--readmission.security.enabled=false",
                "--spring.jmx.enabled=false", "--management.endpoints.jmx.exposure.exclude=*");
    }
}
