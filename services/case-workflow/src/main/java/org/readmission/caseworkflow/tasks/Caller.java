package org.readmission.caseworkflow.tasks;

import org.readmission.caseworkflow.engine.CandidateGroups;
import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;

/**
 * Who calls the task API: an officer of a party in a role, as the bearer token says. The party and the user are the
 * token's {@code party} and {@code sub}; the role is the one the request names ({@code ?role=case-officer}) if the
 * token grants it, or the token's only role.
 */
record Caller(String party, String role, String user) {

    /** The candidate group this caller belongs to, e.g. {@code AZ-SMS:case-officer} ({@link CandidateGroups}). */
    String candidateGroup() {
        return CandidateGroups.of(party, role);
    }

    /**
     * The caller of a request; 403 ({@link TaskProblems.NotYourRole}) when the token names no party, does not grant
     * the role asked for, or grants several roles and the request names none.
     */
    static Caller of(ReadmissionPrincipal principal, String requestedRole) {
        if (principal.party() == null || principal.party().isBlank()) {
            throw new TaskProblems.NotYourRole("the task API is for officers of a party: the token names no party");
        }
        Role role;
        if (requestedRole == null || requestedRole.isBlank()) {
            if (principal.roles().size() != 1) {
                throw new TaskProblems.NotYourRole(principal.roles().isEmpty() ? "the token grants no role"
                        : "the token grants several roles: name one with ?role=");
            }
            role = principal.roles().iterator().next();
        } else {
            role = Role.fromWireName(requestedRole).filter(principal::hasRole)
                    .orElseThrow(() -> new TaskProblems.NotYourRole("the token does not grant the role asked for"));
        }
        return new Caller(CandidateGroups.party(principal.party()), role.wireName(), principal.id());
    }
}
