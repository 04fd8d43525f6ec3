package org.readmission.audit;

import java.time.Instant;

/** What an auditor asks for; every criterion is optional. {@code limit} is capped at {@link #MAX_LIMIT}. */
public record AuditQuery(String caseId, String party, Instant from, Instant to, String chain, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 200;

    public AuditQuery {
        limit = limit <= 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }
}
