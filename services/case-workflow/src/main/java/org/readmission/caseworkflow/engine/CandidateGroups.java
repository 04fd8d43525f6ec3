package org.readmission.caseworkflow.engine;

import java.util.List;
import java.util.Locale;

import org.readmission.security.ReadmissionPrincipal;
import org.readmission.security.Role;

/**
 * The one place where a party and a role become a Camunda group: {@code <PARTY>:<role wire name>}, e.g.
 * {@code AZ-SMS:case-officer}, exactly as the models name their candidate groups
 * ({@code candidateGroups="${requestedParty}:case-officer"}). The task API matches a caller to a task's candidate
 * group with it, and Camunda's webapps and engine REST API give a signed-in user these groups.
 */
public final class CandidateGroups {

    private CandidateGroups() {
    }

    /** The party code as groups and tenants carry it: trimmed, upper case ({@code az-sms} → {@code AZ-SMS}). */
    public static String party(String party) {
        return party.trim().toUpperCase(Locale.ROOT);
    }

    /** The candidate group of an officer of {@code party} in the role with wire name {@code role}. */
    public static String of(String party, String role) {
        return party(party) + ":" + role;
    }

    /** The candidate group of an officer of {@code party} in {@code role}. */
    public static String of(String party, Role role) {
        return of(party, role.wireName());
    }

    /**
     * Every candidate group of the principal: one per role the token grants, in the principal's party; none for a
     * caller without a party (a service client).
     */
    public static List<String> of(ReadmissionPrincipal principal) {
        if (principal.party() == null || principal.party().isBlank()) {
            return List.of();
        }
        return principal.roles().stream().map(role -> of(principal.party(), role)).sorted().toList();
    }
}
