package org.readmission.authserver;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.readmission.security.ResourceServerProperties;
import org.readmission.security.TrustedIssuersJwtDecoder;

/**
 * What the workspace and a partner system do against the running server, over real HTTP: client credentials, and the
 * authorization-code flow with PKCE as a browser walks it (cookies kept, redirects followed until the workspace's
 * redirect URI, the login form filled in).
 */
final class AuthServerClient {

    static final String WORKSPACE_REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/readmission";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    AuthServerClient(String issuer) {
        this.issuer = issuer;
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

    HttpResponse<String> clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return token(clientId, secret, Map.of("grant_type", "client_credentials"));
    }

    /**
     * Signs in as the user through the workspace client in a new browser session; the token response, or the response
     * that ended the walk (the login page again after a refusal).
     */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe();
        String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", "workspace",
                "scope", "openid profile", "redirect_uri", WORKSPACE_REDIRECT, "state", "state-1", "nonce", "nonce-1",
                "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> response = follow(browser, browserGet(browser, issuer + authorize));
        if (!response.uri().getPath().equals("/login")) {
            throw new IllegalStateException("expected the login page, got " + response.uri());
        }
        Matcher csrf = CSRF.matcher(response.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        HttpResponse<String> afterLogin = follow(browser, browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                        "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString()));
        String landing = afterLogin.headers().firstValue("Location").orElse(afterLogin.uri().toString());
        if (!landing.startsWith(WORKSPACE_REDIRECT)) {
            return afterLogin;
        }
        Map<String, String> query = parseQuery(URI.create(landing).getRawQuery());
        if (!"state-1".equals(query.get("state"))) {
            throw new IllegalStateException("state not returned");
        }
        return token("workspace", "local-demo-workspace-secret", Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", WORKSPACE_REDIRECT, "code_verifier", verifier));
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Follows redirects on this server; stops at a redirect leaving it (the workspace's redirect URI). */
    private HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) throws IOException, InterruptedException {
        while (response.statusCode() / 100 == 3) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(issuer)) {
                return response;
            }
            response = browserGet(browser, next.toString());
        }
        return response;
    }

    private static HttpResponse<String> browserGet(HttpClient browser, String uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String clientId, String secret, Map<String, String> parameters)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> parameters) {
        return new LinkedHashMap<>(parameters).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
