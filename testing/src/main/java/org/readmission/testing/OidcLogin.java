package org.readmission.testing;

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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tokens from a running OIDC provider (the local stack's auth-server, Spring Authorization Server), obtained over
 * real HTTP as the system's clients obtain them: the authorization-code flow with PKCE as a browser walks it (cookies
 * kept, the provider's login form filled in with its CSRF token, redirects followed until the client's redirect URI,
 * the code exchanged with the client's secret), and client credentials. For system tests; the tokens are never
 * printed.
 *
 * <pre>
 * OidcLogin provider = new OidcLogin("http://127.0.0.1:9000");
 * String officer = provider.signIn("workspace", "local-demo-workspace-secret",
 *         "http://127.0.0.1:8080/login/oauth2/code/readmission", "az-sms.officer", "demo");
 * </pre>
 */
public final class OidcLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public OidcLogin(String issuer) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /**
     * Signs {@code username} in through {@code clientId} in a fresh browser session and returns the access token;
     * throws when the provider does not issue one (wrong password, unknown client, redirect URI not registered).
     */
    public String signIn(String clientId, String clientSecret, String redirectUri, String username, String password) {
        HttpResponse<String> response = tokenResponse(clientId, clientSecret, redirectUri, username, password);
        if (!response.uri().getPath().endsWith("/oauth2/token")) {
            throw new IllegalStateException("sign-in of " + username + " refused (ended at " + response.uri().getPath() + ")");
        }
        return accessToken(response);
    }

    /**
     * Walks the authorization-code flow with PKCE for {@code username} in a fresh browser session: the token
     * endpoint's answer (access token, ID token), or, when the sign-in is refused, the provider's page where the walk
     * ended (its login form again).
     */
    public HttpResponse<String> tokenResponse(String clientId, String clientSecret, String redirectUri, String username,
                                              String password) {
        try {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String verifier = randomUrlSafe();
            String state = randomUrlSafe();
            String authorize = "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
                    "scope", "openid profile", "redirect_uri", redirectUri, "state", state, "nonce", randomUrlSafe(),
                    "code_challenge", s256(verifier), "code_challenge_method", "S256"));
            HttpResponse<String> loginPage = follow(browser, browserGet(browser, issuer + authorize));
            Matcher csrf = CSRF.matcher(loginPage.body());
            if (!loginPage.uri().getPath().equals("/login") || !csrf.find()) {
                throw new IllegalStateException("the provider did not show its login form (HTTP " + loginPage.statusCode()
                        + " at " + loginPage.uri().getPath() + ")");
            }
            HttpResponse<String> afterLogin = follow(browser, browser.send(HttpRequest.newBuilder(URI.create(issuer + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString()));
            String landing = afterLogin.headers().firstValue("Location").orElse(afterLogin.uri().toString());
            if (!landing.startsWith(redirectUri)) {
                return afterLogin;
            }
            Map<String, String> query = parseQuery(URI.create(landing).getRawQuery());
            if (!state.equals(query.get("state")) || query.get("code") == null) {
                throw new IllegalStateException("no authorization code for " + username + " (error " + query.get("error") + ")");
            }
            return token(clientId, clientSecret, Map.of("grant_type", "authorization_code",
                    "code", query.get("code"), "redirect_uri", redirectUri, "code_verifier", verifier));
        } catch (IOException e) {
            throw new IllegalStateException("the provider at " + issuer + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The token endpoint's answer to a client-credentials request of {@code clientId}. */
    public HttpResponse<String> clientCredentialsResponse(String clientId, String clientSecret) {
        try {
            return token(clientId, clientSecret, Map.of("grant_type", "client_credentials"));
        } catch (IOException e) {
            throw new IllegalStateException("the provider at " + issuer + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A client-credentials access token of {@code clientId}. */
    public String clientCredentials(String clientId, String clientSecret) {
        return accessToken(clientCredentialsResponse(clientId, clientSecret));
    }

    private static String accessToken(HttpResponse<String> response) {
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            // the body of an error answer holds no token; the status is enough to act on
            throw new IllegalStateException("the token endpoint answered HTTP " + response.statusCode());
        }
        return token.group(1);
    }

    /** Follows redirects on the provider; stops at a redirect leaving it (the client's redirect URI). */
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
        if (query == null) {
            return parameters;
        }
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
