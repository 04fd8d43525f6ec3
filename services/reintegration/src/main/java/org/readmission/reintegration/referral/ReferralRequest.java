package org.readmission.reintegration.referral;

import java.util.List;

/** What the handoff process asks for: one person of a case, with the routing codes (no names, no documents). */
public record ReferralRequest(String caseId, String applicationId, String requestingParty, String requestedParty,
                              String personId, int attempt, String priority, List<String> needs,
                              List<String> vulnerabilities, String region) {

    /** ISO 3166-1 alpha-2 country the person returned to: the requested party's (AZ-SMS → AZ). */
    public String returnCountry() {
        return requestedParty.substring(0, 2);
    }
}
