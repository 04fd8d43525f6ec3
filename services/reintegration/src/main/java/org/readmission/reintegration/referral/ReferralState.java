package org.readmission.reintegration.referral;

import java.util.EnumSet;
import java.util.Set;

/** Where a referral stands. */
public enum ReferralState {
    OFFERED, NO_PROVIDER, DECLINED, ACCEPTED, IN_SUPPORT, CLOSED, CONSENT_WITHDRAWN,
    /** The case's retention period is over: the person's data is erased, only ids remain. */
    ERASED;

    /** States that take one place of the provider's capacity. */
    public static final Set<ReferralState> OPEN = EnumSet.of(OFFERED, ACCEPTED, IN_SUPPORT);
}
