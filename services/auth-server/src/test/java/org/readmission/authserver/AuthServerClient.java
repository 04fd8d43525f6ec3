package org.readmission.authserver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.readmission.security.ResourceServerProperties;
import org.readmission.security.TrustedIssuersJwtDecoder;
import org.readmission.testing.OidcLogin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the workspace and a partner system do against the running server, over real HTTP: client credentials, and the
 * authorization-code flow with PKCE as a browser walks it ({@link OidcLogin}: cookies kept, redirects followed until
 * the workspace's redirect URI, the login form filled in).
 */
final class AuthServerClient {

    static final String WORKSPACE_REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/readmission";
    static final String CASE_WORKFLOW_REDIRECT = "http://127.0.0.1:8082/login/oauth2/code/readmission";

    private final String issuer;
    private final OidcLogin login;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    AuthServerClient(String issuer) {
        this.issuer = issuer;
        this.login = new OidcLogin(issuer);
    }

    /** The decoder a service named {@code audience} would use, trusting this server through its discovery document. */
    TrustedIssuersJwtDecoder decoderOf(String audience) throws IOException, InterruptedException {
        JsonNode discovery = getJson("/.well-known/openid-configuration");
        ResourceServerProperties properties = new ResourceServerProperties(true, audience, null, null,
                List.of(new ResourceServerProperties.TrustedIssuer(discovery.get("issuer").asText(),
                        discovery.get("jwks_uri").asText(), null)), null);
        return TrustedIssuersJwtDecoder.of(properties, audience);
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create(issuer + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    HttpResponse<String> clientCredentials(String clientId, String secret) {
        return login.clientCredentialsResponse(clientId, secret);
    }

    /**
     * Signs in as the user through the workspace client in a new browser session; the token response, or the response
     * that ended the walk (the login page again after a refusal).
     */
    HttpResponse<String> signIn(String username, String password) {
        return login.tokenResponse("workspace", "local-demo-workspace-secret", WORKSPACE_REDIRECT, username, password);
    }

    /** Signs in as the user through the case-workflow client (Camunda's webapps) in a new browser session. */
    HttpResponse<String> signInToCamunda(String username, String password) {
        return login.tokenResponse("case-workflow", "local-demo-case-workflow-secret", CASE_WORKFLOW_REDIRECT, username,
                password);
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }
}
