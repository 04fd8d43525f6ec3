package org.readmission.caseview.security;

import java.time.ZoneId;

import org.readmission.caseview.cases.PartyScope;

/**
 * The signed-in officer: which party they work for and in which role (the candidate group {@code party:role} of the
 * process's tasks), and the time zone their dates are shown in.
 */
public record Officer(String username, String displayName, String party, String role, ZoneId zone) {

    public PartyScope scope() {
        return new PartyScope(party);
    }

    public String candidateGroup() {
        return party + ":" + role;
    }

    public boolean supervisor() {
        return "supervisor".equals(role);
    }
}
