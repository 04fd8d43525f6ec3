package org.readmission.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.readmission.testing.OidcLogin;

/**
 * The officers' access tokens of a stack under test, from its own auth-server: each demo user signs in through the
 * {@code workspace} client (authorization code with PKCE, the login form filled in by a real HTTP client), as
 * case-view's users do. A token is reused for a few minutes (they live 10).
 */
final class StackTokens {

    static final String WORKSPACE_SECRET = "local-demo-workspace-secret";
    static final String PASSWORD = "demo";
    private static final Duration REUSE = Duration.ofMinutes(5);

    private record Issued(String token, Instant at) {
    }

    private final OidcLogin provider;
    private final String redirectUri;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    /** {@code workspace}: where case-view runs (its redirect URI), as the auth-server was told ({@code WORKSPACE_URL}). */
    StackTokens(URI authServer, URI workspace) {
        this.provider = new OidcLogin(authServer.toString());
        this.redirectUri = workspace.toString() + "/login/oauth2/code/readmission";
    }

    /** The access token of the demo user (password {@code demo}). */
    String of(String username) {
        Issued current = issued.get(username);
        if (current == null || current.at().plus(REUSE).isBefore(Instant.now())) {
            current = new Issued(provider.signIn("workspace", WORKSPACE_SECRET, redirectUri, username, PASSWORD), Instant.now());
            issued.put(username, current);
        }
        return current.token();
    }

    /** The demo user who works the tasks of {@code party}'s {@code role} (see auth-server's application.yml). */
    static String demoUser(String party, String role) {
        return switch (party + ":" + role) {
            case "AZ-SMS:case-officer" -> "az-sms.officer";
            case "AZ-SMS:supervisor" -> "az-sms.supervisor";
            case "AZ-SMS:auditor" -> "az-sms.auditor";
            case "AZ-SMS:consular-officer" -> "az-mfa.consular";
            case "AZ-SMS:border-officer" -> "az-sbs.border";
            case "AZ-SMS:protection-officer" -> "az-sms.protection";
            case "AZ-SMS:reintegration-officer" -> "az-sms.reintegration";
            case "DE-BPOL:case-officer" -> "de-bpol.officer";
            case "DE-BPOL:supervisor" -> "de-bpol.supervisor";
            case "DE-BPOL:protection-officer" -> "de-bpol.protection";
            case "NL-DTV:case-officer" -> "nl-dtv.officer";
            default -> throw new IllegalArgumentException("no demo user works " + party + ":" + role);
        };
    }
}
