package org.readmission.gateway.web;

import java.time.Instant;
import java.util.List;

import org.readmission.gateway.validation.Violation;

/** What the gateway knows about a submission, as answered to its sender. */
public record SubmissionStatusView(String submissionId, String status, String caseId, String applicationId,
                                   Instant receivedAt, List<Violation> reasons, String statusUrl) {
}
