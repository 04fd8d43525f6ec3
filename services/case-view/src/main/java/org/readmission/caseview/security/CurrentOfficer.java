package org.readmission.caseview.security;

/**
 * Who is signed in. The only place the rest of the service learns the user's party and role from: the claims of the
 * ID token the OIDC provider issued at sign-in ({@code party}, {@code roles}, {@code name}, {@code zoneinfo}).
 */
public interface CurrentOfficer {

    Officer get();
}
