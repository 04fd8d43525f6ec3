package org.readmission.reintegration.referral;

import java.time.Instant;

/** A follow-up the provider reported (FOLLOW_UP_ARRIVAL, FOLLOW_UP_3_MONTHS, FOLLOW_UP_6_MONTHS). */
public record FollowUpRecord(String stage, Instant reportedAt, String note) {
}
