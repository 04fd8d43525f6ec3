package org.readmission.reintegration.referral;

import java.util.ArrayList;
import java.util.List;

/**
 * The person's data in a referral, sealed as one value under the case key: the priority (it follows from
 * vulnerabilities), needs, vulnerabilities, region of return, provider notes and follow-up notes (by position).
 */
record ReferralPersonalData(String priority, List<String> needs, List<String> vulnerabilities, String region,
                            List<String> notes, List<String> followUpNotes) {

    ReferralPersonalData {
        needs = needs == null ? List.of() : new ArrayList<>(needs);
        vulnerabilities = vulnerabilities == null ? List.of() : new ArrayList<>(vulnerabilities);
        notes = notes == null ? List.of() : new ArrayList<>(notes);
        followUpNotes = followUpNotes == null ? List.of() : new ArrayList<>(followUpNotes);
    }
}
