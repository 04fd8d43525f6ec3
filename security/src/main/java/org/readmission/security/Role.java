package org.readmission.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do, as it travels in the token's {@code roles} claim (the wire name) and as a Spring Security
 * authority ({@code ROLE_CASE_OFFICER}, so {@code hasRole('CASE_OFFICER')} works).
 *
 * <p>The first six are the roles of the security model. The last four are the candidate-group roles the BPMN already
 * offers tasks to ({@code <party>:protection-officer}, {@code border-officer}, {@code escort-officer},
 * {@code reintegration-officer}); they are typed here too so that the demo users who work those tasks keep their role
 * when the headers give way to tokens.
 */
public enum Role {

    CASE_OFFICER("case-officer"),
    SUPERVISOR("supervisor"),
    CONSULAR_OFFICER("consular-officer"),
    REINTEGRATION_PROVIDER("reintegration-provider"),
    AUDITOR("auditor"),
    PARTNER_SYSTEM("partner-system"),
    PROTECTION_OFFICER("protection-officer"),
    BORDER_OFFICER("border-officer"),
    ESCORT_OFFICER("escort-officer"),
    REINTEGRATION_OFFICER("reintegration-officer");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name in tokens and candidate groups, e.g. {@code case-officer}. */
    public String wireName() {
        return wireName;
    }

    /** The Spring Security authority, e.g. {@code ROLE_CASE_OFFICER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role of a wire name (case-insensitive); empty for names this system does not know, which grant nothing. */
    public static Optional<Role> fromWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String name = wireName.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
