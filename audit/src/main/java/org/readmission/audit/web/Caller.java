package org.readmission.audit.web;

import java.util.Set;

/** Who is calling: a user id, the party they act for (none for a service client), their roles (wire names, e.g. {@code auditor}). */
public record Caller(String user, String party, Set<String> roles) {

    public static final String AUDITOR = "auditor";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the caller acts for a party of the agreement (people and partner systems do; service clients do not). */
    public boolean actsForAParty() {
        return party != null && !party.isBlank();
    }
}
