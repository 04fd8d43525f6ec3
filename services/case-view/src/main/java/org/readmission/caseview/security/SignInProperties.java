package org.readmission.caseview.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code readmission.case-view.sign-in.*}: the OIDC provider officers sign in with. The endpoints of the registration
 * {@code readmission} in {@code spring.security.oauth2.client.provider} are derived from the issuer in
 * {@code application.yml}.
 *
 * @param issuer         the provider's {@code iss} (the ID token must name it)
 * @param endSessionUri  where signing out ends the provider's session too (RP-initiated logout); default
 *                       {@code <issuer>/connect/logout} (Spring Authorization Server)
 */
@ConfigurationProperties("readmission.case-view.sign-in")
public record SignInProperties(String issuer, String endSessionUri) {

    public SignInProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("readmission.case-view.sign-in.issuer is needed: the OIDC provider's issuer");
        }
        if (endSessionUri == null || endSessionUri.isBlank()) {
            endSessionUri = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/connect/logout";
        }
    }
}
