package org.readmission.caseworkflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.readmission.testing.TestTokenIssuer;

/**
 * A small OIDC provider for the webapps' sign-in over real HTTP: the authorization endpoint signs in the officer the
 * test names ({@link #signInAs}) at once and redirects back with a code; the token endpoint checks the client's
 * secret, the redirect URI and the PKCE verifier (S256), and answers with an ID token and an access token signed by
 * the tests' {@link TestTokenIssuer} (so its {@code iss} and keys are the issuer's), carrying {@code party},
 * {@code roles}, {@code name} and the request's {@code nonce}, as the local stack's auth-server issues them.
 */
final class TestSignInProvider implements AutoCloseable {

    static final String CLIENT_ID = "case-workflow";
    static final String CLIENT_SECRET = "test-case-workflow-secret";

    record Officer(String user, String party, String role) {
    }

    private record Pending(Officer officer, Map<String, String> request) {
    }

    private final TestTokenIssuer issuer;
    private final HttpServer server;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private volatile Officer next;
    private volatile Map<String, String> lastAuthorizationRequest = Map.of();

    private TestSignInProvider(TestTokenIssuer issuer) throws IOException {
        this.issuer = issuer;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    static TestSignInProvider serving(TestTokenIssuer issuer) {
        try {
            return new TestSignInProvider(issuer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String authorizationUri() {
        return base() + "/authorize";
    }

    String tokenUri() {
        return base() + "/token";
    }

    /** The officer the next authorization request signs in. */
    void signInAs(String user, String party, String role) {
        next = new Officer(user, party, role);
    }

    /** The query parameters of the last authorization request. */
    Map<String, String> lastAuthorizationRequest() {
        return lastAuthorizationRequest;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = parse(exchange.getRequestURI().getRawQuery());
        lastAuthorizationRequest = request;
        Officer officer = next;
        if (officer == null || !"code".equals(request.get("response_type")) || !CLIENT_ID.equals(request.get("client_id"))
                || !"S256".equals(request.get("code_challenge_method")) || request.get("code_challenge") == null) {
            respond(exchange, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(officer, request));
        exchange.getResponseHeaders().set("Location", request.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(request.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Pending pending = codes.remove(String.valueOf(form.get("code")));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || pending == null
                || !"authorization_code".equals(form.get("grant_type"))
                || !pending.request().get("redirect_uri").equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null
                || !s256(form.get("code_verifier")).equals(pending.request().get("code_challenge"))) {
            respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Officer officer = pending.officer();
        String idToken = issuer.token().subject(officer.user()).audience(CLIENT_ID).party(officer.party())
                .roles(officer.role()).claim("name", officer.user()).claim("nonce", pending.request().get("nonce"))
                .claim("azp", CLIENT_ID).sign();
        String accessToken = issuer.person(CLIENT_ID, officer.user(), officer.party(), officer.role());
        respond(exchange, 200, "application/json", "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"scope\":\"openid profile\",\"id_token\":\"" + idToken + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            parameters.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    static Map<String, String> queryOf(URI uri) {
        return parse(uri.getRawQuery());
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() {
        server.stop(0);
    }
}
