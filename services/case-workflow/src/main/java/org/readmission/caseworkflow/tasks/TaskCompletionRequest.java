package org.readmission.caseworkflow.tasks;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fields a task form may take (documentation of {@code POST /api/v1/tasks/{id}/complete}); which ones a task
 * needs depends on its {@code taskDefinitionKey}. Fields a task does not take are reported as errors.
 */
@Schema(description = """
        Form of the task, by taskDefinitionKey:
        UserTask_DecideOnApplication: decision (APPROVED | PARTIALLY_APPROVED | REFUSED), refusalReasons (RefusalReason codes, \
        required unless APPROVED), refusedPersonIds (PARTIALLY_APPROVED only), motivation (required unless APPROVED); \
        or action=REQUEST_EXTENSION with motivation and obstacle (LEGAL | FACTUAL), once per case.
        UserTask_ReviewExpiredReply: decision (NO_REPLY_TREATED_AS_AGREED | NO_REPLY_CASE_CLOSED), motivation.
        UserTask_IssueTravelDocument: documents [{personId, documentNumber, validUntil}] (or the three fields for one person).
        UserTask_ProposeTransfer, UserTask_ConfirmTransfer: transferScheduledAt (date-time), borderCrossingPoint \
        (confirming may leave both out to confirm the proposal).
        UserTask_ConfirmHandover: handedOverAt (default now), borderCrossingPoint.
        UserTask_ReviewProtectionHold: holdDecision (RELEASE | UPHOLD), holdMotivation.
        UserTask_ReviewTransferDeadline: transferDeadlineAction (EXTEND | CLOSE); with EXTEND transferDueAt and \
        transferExtensionReason.
        UserTask_EscalateOverdueReply, UserTask_EscalateOverdueTravelDocument: note.""")
record TaskCompletionRequest(String action, String decision, List<String> refusalReasons, List<String> refusedPersonIds,
                             String motivation, String obstacle, List<Map<String, String>> documents, String personId,
                             String documentNumber, String validUntil, String transferScheduledAt,
                             String borderCrossingPoint, String handedOverAt, String holdDecision,
                             String holdMotivation, String transferDeadlineAction, String transferDueAt,
                             String transferExtensionReason, String note) {
}
