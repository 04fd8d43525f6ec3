package org.readmission.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo user signed in to case-view through the stack's auth-server (case-view's sign-in, the provider's login form
 * with its CSRF token, the redirects back with the authorization code; session cookies kept), for pages read without a
 * browser.
 */
final class CaseViewSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    private CaseViewSession(URI base) {
        this.base = base;
    }

    static CaseViewSession signIn(URI base, URI authServer, String user, String password) {
        CaseViewSession session = new CaseViewSession(base);
        HttpResponse<String> loginForm = session.send(HttpRequest.newBuilder(base.resolve("/oauth2/authorization/readmission"))
                .header("Accept", "text/html").GET());
        Matcher csrf = CSRF.matcher(loginForm.body());
        if (!loginForm.uri().toString().startsWith(authServer.resolve("/login").toString()) || !csrf.find()) {
            throw new IllegalStateException("case-view's sign-in did not lead to the auth-server's login form: " + loginForm.uri());
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> response = session.send(HttpRequest.newBuilder(authServer.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!response.uri().toString().startsWith(base.resolve("/tasks").toString())) {
            throw new IllegalStateException(user + " could not sign in to case-view: ended at " + response.uri().getPath());
        }
        return session;
    }

    String get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** The supervisors' figures ({@code /dashboard/report.csv}): figure id → value. */
    Map<String, String> figures() {
        Map<String, String> figures = new LinkedHashMap<>();
        String[] lines = get("/dashboard/report.csv").split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            // figure,label,value,unit,cases,cases_link; the label is quoted and may hold commas
            Matcher row = Pattern.compile("^\"?([^\",]+)\"?,\"(?:[^\"]|\"\")*\",([^,]*),").matcher(lines[i]);
            if (row.find()) {
                figures.put(row.group(1), row.group(2));
            }
        }
        return figures;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
