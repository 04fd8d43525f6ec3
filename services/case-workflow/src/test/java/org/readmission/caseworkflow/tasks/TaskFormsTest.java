package org.readmission.caseworkflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The officers' forms: what each task accepts, and the messages that say what to fix. */
class TaskFormsTest {

    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    final TaskForms forms = new TaskForms(null, new ObjectMapper());
    final Map<String, Object> processVariables = new HashMap<>(Map.of("personIds", List.of("p1", "p2")));

    @Test
    void approvesWithoutReasons() {
        var complete = (FormOutcome.Complete) check("UserTask_DecideOnApplication", Map.of("decision", "APPROVED"));
        assertThat(complete.variables()).containsEntry("decision", "APPROVED").containsEntry("refusalReasons", "")
                .containsKey("decidedAt");
    }

    @Test
    void refusesOnlyWithReasonsAndAMotivation() {
        assertThat(errors("UserTask_DecideOnApplication", Map.of("decision", "REFUSED")))
                .containsExactly("refusalReasons", "motivation");
        var complete = (FormOutcome.Complete) check("UserTask_DecideOnApplication", Map.of("decision", "REFUSED",
                "refusalReasons", List.of("PERSON_NOT_IDENTIFIED", "OTHER"), "motivation", "Not in the registry."));
        assertThat(complete.variables()).containsEntry("refusalReasons", "PERSON_NOT_IDENTIFIED,OTHER");
    }

    @Test
    void refusalReasonsAreTheAgreementsCodes() {
        var invalid = (FormOutcome.Invalid) check("UserTask_DecideOnApplication", Map.of("decision", "REFUSED",
                "refusalReasons", "BECAUSE", "motivation", "x"));
        assertThat(invalid.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("refusalReasons");
            assertThat(error.message()).contains("'BECAUSE' is not one of", "NATIONALITY_NOT_ESTABLISHED");
        });
    }

    @Test
    void aPartialApprovalNamesTheRefusedPersonsOfTheCase() {
        assertThat(errors("UserTask_DecideOnApplication", Map.of("decision", "PARTIALLY_APPROVED",
                "refusalReasons", "OTHER", "motivation", "m", "refusedPersonIds", List.of("p9"))))
                .containsExactly("refusedPersonIds");
        var complete = (FormOutcome.Complete) check("UserTask_DecideOnApplication", Map.of("decision", "PARTIALLY_APPROVED",
                "refusalReasons", "OTHER", "motivation", "m", "refusedPersonIds", List.of("p2")));
        assertThat((String) complete.variables().get("personOutcomes"))
                .contains("{\"personId\":\"p1\",\"approved\":true,\"refusalReasons\":[]}")
                .contains("{\"personId\":\"p2\",\"approved\":false,\"refusalReasons\":[\"OTHER\"]}");
    }

    @Test
    void unknownFieldsAreReported() {
        assertThat(errors("UserTask_DecideOnApplication", Map.of("decision", "APPROVED", "decison", "x")))
                .containsExactly("decison");
    }

    @Test
    void theOneExtensionIsRequestedWithAMotivationAndNotTwice() {
        var send = (FormOutcome.SendMessage) check("UserTask_DecideOnApplication", Map.of("action", "REQUEST_EXTENSION",
                "obstacle", "LEGAL", "motivation", "A court must rule on the identity first."));
        assertThat(send.messageName()).isEqualTo("org.readmission.extension.requested.v1");
        assertThat(send.variables()).containsEntry("extensionObstacle", "LEGAL");

        processVariables.put("extensionUsed", true);
        assertThat(errors("UserTask_DecideOnApplication", Map.of("action", "REQUEST_EXTENSION",
                "obstacle", "LEGAL", "motivation", "A court must rule on the identity first."))).containsExactly("action");
    }

    @Test
    void travelDocumentsNeedANumberAndAFutureExpiryPerPerson() {
        List<String> problems = errors("UserTask_IssueTravelDocument", Map.of("documents", List.of(
                Map.of("personId", "p1", "documentNumber", "LP1234567", "validUntil", "2025-06-30"),
                Map.of("personId", "p2", "documentNumber", "lp-12", "validUntil", "2025-01-01"))));
        assertThat(problems).containsExactly("documents[1].documentNumber", "documents[1].validUntil");

        var complete = (FormOutcome.Complete) check("UserTask_IssueTravelDocument", Map.of("documents", List.of(
                Map.of("personId", "p1", "documentNumber", "LP1234567", "validUntil", "2025-06-30"),
                Map.of("personId", "p2", "documentNumber", "LP7654321", "validUntil", "2025-05-31"))));
        assertThat(complete.variables()).containsKeys("travelDocumentValidUntil", "travelDocumentIssuedAt")
                .doesNotContainKeys("documentNumber", "documents");
    }

    @Test
    void aTransferIsProposedForAFutureDateAtACrossingPoint() {
        assertThat(errors("UserTask_ProposeTransfer", Map.of("transferScheduledAt", "2025-03-01T08:00:00Z")))
                .containsExactly("transferScheduledAt", "borderCrossingPoint");
        var complete = (FormOutcome.Complete) check("UserTask_ProposeTransfer", Map.of(
                "transferScheduledAt", "2025-04-10T09:30:00+04:00", "borderCrossingPoint", "GYD Heydar Aliyev International Airport"));
        assertThat(complete.variables()).containsKeys("transferScheduledAt", "borderCrossingPoint");
    }

    @Test
    void confirmingATransferMayJustConfirmTheProposal() {
        processVariables.put("transferScheduledAt", java.util.Date.from(NOW.plusSeconds(86_400)));
        processVariables.put("borderCrossingPoint", "GYD");
        assertThat(check("UserTask_ConfirmTransfer", Map.of())).isInstanceOf(FormOutcome.Complete.class);
    }

    @Test
    void aProtectionHoldIsReleasedOrUpheldWithAMotivation() {
        assertThat(errors("UserTask_ReviewProtectionHold", Map.of("holdDecision", "RELEASE", "holdMotivation", "ok")))
                .containsExactly("holdMotivation");
        var complete = (FormOutcome.Complete) check("UserTask_ReviewProtectionHold", Map.of("holdDecision", "RELEASE",
                "holdMotivation", "Asylum claim rejected with final effect on 2025-02-20."));
        assertThat(complete.variables()).containsEntry("holdDecision", "RELEASE").containsEntry("holdReleasedBy", "officer-1");
    }

    @Test
    void theTransferTimeLimitIsExtendedOnlyWithANewDateAndTheObstacle() {
        assertThat(errors("UserTask_ReviewTransferDeadline", Map.of("transferDeadlineAction", "EXTEND")))
                .containsExactly("transferDueAt", "transferExtensionReason");
        assertThat(check("UserTask_ReviewTransferDeadline", Map.of("transferDeadlineAction", "CLOSE")))
                .isInstanceOf(FormOutcome.Complete.class);
    }

    @Test
    void aMissedReplyIsTreatedAsAgreedOrClosedWithAMotivation() {
        var complete = (FormOutcome.Complete) check("UserTask_ReviewExpiredReply", Map.of(
                "decision", "NO_REPLY_TREATED_AS_AGREED", "motivation", "No reply within 15 days; Art. 11(2)."));
        assertThat(complete.variables()).containsEntry("decision", "NO_REPLY_TREATED_AS_AGREED");
        assertThat(errors("UserTask_ReviewExpiredReply", Map.of("decision", "APPROVED", "motivation", "because I say so")))
                .containsExactly("decision");
    }

    private FormOutcome check(String taskKey, Map<String, Object> fields) {
        return forms.check(taskKey, fields, new TaskForms.TaskContext("t-1", "RC-1", "officer-1", NOW, processVariables::get));
    }

    private List<String> errors(String taskKey, Map<String, Object> fields) {
        FormOutcome outcome = check(taskKey, fields);
        assertThat(outcome).isInstanceOf(FormOutcome.Invalid.class);
        return ((FormOutcome.Invalid) outcome).errors().stream().map(FieldError::field).toList();
    }
}
