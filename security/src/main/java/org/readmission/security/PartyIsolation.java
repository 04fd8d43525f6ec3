package org.readmission.security;

/**
 * Who may see what across parties: the rule every API applies to what it returns. Each record carries the case's
 * requesting and requested party (see ARCHITECTURE, Data), so the check needs nothing but the principal.
 */
public final class PartyIsolation {

    private PartyIsolation() {
    }

    /**
     * Whether the principal may see a case: its party is the requesting or the requested one, and it holds a role that
     * works on cases. Reintegration providers see their referrals only ({@link #canSeeReferral}), not the case.
     */
    public static boolean canSee(ReadmissionPrincipal principal, String requestingParty, String requestedParty) {
        boolean partyOfCase = principal.actsFor(requestingParty) || principal.actsFor(requestedParty);
        boolean worksOnCases = principal.roles().stream().anyMatch(r -> r != Role.REINTEGRATION_PROVIDER);
        return partyOfCase && worksOnCases;
    }

    /** Whether the principal is the reintegration provider a referral went to. */
    public static boolean canSeeReferral(ReadmissionPrincipal principal, String providerParty) {
        return principal.hasRole(Role.REINTEGRATION_PROVIDER) && principal.actsFor(providerParty);
    }

    /** Whether a partner system may send a message that names {@code ceSource} as its sender. */
    public static boolean maySendAs(ReadmissionPrincipal principal, String ceSource) {
        return principal.hasRole(Role.PARTNER_SYSTEM) && principal.actsFor(ceSource);
    }
}
