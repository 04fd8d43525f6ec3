package org.readmission.testsignin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * For MockMvc tests of pages (not of the sign-in): a request as if the demo officer had signed in through the OIDC
 * provider, i.e. with the ID token claims the provider issues ({@code party}, {@code roles}, {@code name},
 * {@code zoneinfo}). The browser tests sign in for real ({@link TestAuthorizationServer}).
 */
public final class Officers {

    private Officers() {
    }

    public static RequestPostProcessor signedIn(String username) {
        TestAuthorizationServer.DemoOfficer officer = TestAuthorizationServer.OFFICERS.stream()
                .filter(o -> o.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo officer " + username));
        return oidcLogin().idToken(token -> token.subject(officer.username()).claim("party", officer.party())
                        .claim("roles", List.of(officer.role())).claim("name", officer.name()).claim("zoneinfo", officer.zone()))
                .authorities(new SimpleGrantedAuthority("ROLE_" + officer.role().toUpperCase(Locale.ROOT).replace('-', '_')));
    }
}
