package org.readmission.caseview.projection;

import java.util.List;

import org.readmission.events.Topics;

/** The topics the case view reads: every case, identity and reintegration topic the case events travel on. */
public final class ProjectedTopics {

    public static final List<String> ALL = List.of(Topics.CASE_EVENTS, Topics.IDENTITY_VERIFICATION_REQUESTS,
            Topics.IDENTITY_VERIFICATION_RESULTS, Topics.REINTEGRATION_REFERRALS, Topics.REINTEGRATION_UPDATES);

    private ProjectedTopics() {
    }
}
