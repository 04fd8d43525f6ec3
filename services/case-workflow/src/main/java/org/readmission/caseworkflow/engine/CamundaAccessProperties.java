package org.readmission.caseworkflow.engine;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code readmission.camunda.*}: who Camunda's webapps and engine REST API let in, and as what.
 *
 * @param parties     the party codes of the agreement: one Camunda tenant each, and the grants of their officers' groups
 *                    ({@code <PARTY>:<role>}) are made for these parties only. A party missing here gets no grant: its
 *                    officers can sign in but see nothing in the webapps or through {@code /engine-rest}
 * @param adminGroups opt-in, for one machine only: the groups ({@code <PARTY>:<role>}, e.g.
 *                    {@code AZ-SMS:supervisor}) whose members also become Camunda administrators
 *                    ({@code camunda-admin}: every authorization and tenant check passes, the Admin webapp opens).
 *                    Empty by default: nobody administers the engine through the webapps
 * @param signIn      the OIDC provider the webapps sign in with
 */
@ConfigurationProperties("readmission.camunda")
public record CamundaAccessProperties(List<String> parties, List<String> adminGroups, SignIn signIn) {

    public CamundaAccessProperties {
        parties = parties == null ? List.of() : parties.stream().filter(p -> p != null && !p.isBlank())
                .map(CandidateGroups::party).distinct().toList();
        adminGroups = adminGroups == null ? List.of() : adminGroups.stream().filter(g -> g != null && !g.isBlank())
                .map(String::trim).toList();
        if (signIn == null) {
            throw new IllegalArgumentException("readmission.camunda.sign-in.issuer is needed: the OIDC provider's issuer");
        }
    }

    /**
     * @param issuer        the provider's {@code iss} (the ID token must name it)
     * @param endSessionUri where signing out ends the provider's session too; default {@code <issuer>/connect/logout}
     */
    public record SignIn(String issuer, String endSessionUri) {

        public SignIn {
            if (issuer == null || issuer.isBlank()) {
                throw new IllegalArgumentException("readmission.camunda.sign-in.issuer is needed: the OIDC provider's issuer");
            }
            if (endSessionUri == null || endSessionUri.isBlank()) {
                endSessionUri = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + "/connect/logout";
            }
        }
    }
}
