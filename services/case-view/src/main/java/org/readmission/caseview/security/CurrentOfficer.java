package org.readmission.caseview.security;

/**
 * Who is signed in. The only place the rest of the service learns the user's party and role from; today form login
 * with the configured demo users backs it, later an OIDC token's claims.
 */
public interface CurrentOfficer {

    Officer get();
}
