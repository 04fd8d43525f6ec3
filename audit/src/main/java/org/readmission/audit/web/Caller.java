package org.readmission.audit.web;

import java.util.Set;

/** Who is calling: a user id, the party they act for, their roles (lower case, e.g. {@code auditor}). */
public record Caller(String user, String party, Set<String> roles) {

    public static final String AUDITOR = "auditor";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
