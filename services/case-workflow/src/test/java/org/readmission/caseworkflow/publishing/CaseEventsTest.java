package org.readmission.caseworkflow.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.readmission.caseworkflow.cases.CaseFile;
import org.readmission.caseworkflow.cases.CaseFileFixtures;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.common.DeadlineKind;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.partner.ApplicationForwarded;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.Vulnerability;
import org.readmission.events.partner.ReintegrationReferralRequested;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationNeed;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.readmission.events.partner.TravelDocumentIssued;

/** The events the process publishes, built from its variables and the case file. */
class CaseEventsTest {

    static final Instant NOW = Instant.parse("2025-03-03T10:00:00Z");

    final CaseEvents events = new CaseEvents(CaseFileFixtures.reader(), EventCatalog.v1(), new ObjectMapper());
    final CaseFile file = CaseFileFixtures.registered("RC-1", CaseFileFixtures.travelDocument("p1", NOW));
    final Map<String, Object> variables = new HashMap<>();

    @Test
    void everyEventCarriesBothParties() {
        var built = build("org.readmission.case.application-forwarded.v1");
        ApplicationForwarded forwarded = (ApplicationForwarded) built.event();
        assertThat(built.topic()).isEqualTo(Topics.CASE_EVENTS);
        assertThat(forwarded.getCaseRef().getRequestingParty().getValue()).isEqualTo("DE-BPOL");
        assertThat(forwarded.getCaseRef().getRequestedParty().getValue()).isEqualTo("AZ-SMS");
        assertThat(forwarded.getApplication().getPersons()).hasSize(2);
    }

    @Test
    void theReplyDeadlineSaysHowItWasComputed() {
        Instant received = Instant.parse("2025-03-01T08:00:00Z");
        variables.put("replyDueAt", Date.from(Instant.parse("2025-03-17T19:59:59Z")));
        variables.put("replyDeadlineKind", "REPLY");
        variables.put("replyDeadlineStartsAt", Date.from(received));
        variables.put("replyDeadlineRule", "15 calendar days from confirmed receipt");
        variables.put("replyDeadlineCalendar", "AZ public holidays (jollyday), time zone Asia/Baku");
        variables.put("replyDeadlineProfileId", "eu-az/1");
        variables.put("replyDeadlineSource", "Dutch return service practice");
        variables.put("replyDeadlineConfidence", "reported practice, to be confirmed");

        var deadline = ((ReplyDeadlineSet) build("org.readmission.case.reply-deadline-set.v1").event()).getDeadline();
        assertThat(deadline.getKind()).isEqualTo(DeadlineKind.REPLY);
        assertThat(deadline.getStartsAt()).isEqualTo(received);
        assertThat(deadline.getDueAt()).isEqualTo(Instant.parse("2025-03-17T19:59:59Z"));
        assertThat(deadline.getRule()).isEqualTo("15 calendar days from confirmed receipt");
        assertThat(deadline.getCalendar()).startsWith("AZ public holidays");
        assertThat(deadline.getProfileId()).isEqualTo("eu-az/1");
        assertThat(deadline.getConfidence()).isEqualTo("reported practice, to be confirmed");
    }

    @Test
    void aDeadlineWithoutItsDueDateIsNotPublished() {
        assertThatThrownBy(() -> build("org.readmission.case.reply-deadline-set.v1"))
                .hasMessageContaining("'replyDueAt' is needed");
    }

    @Test
    void aVerificationRequestCarriesThePersonAndGoesToIdentityVerification() {
        variables.put("personId", "p2");
        var built = build("org.readmission.identity.verification-requested.v1");
        assertThat(built.topic()).isEqualTo(Topics.IDENTITY_VERIFICATION_REQUESTS);
        assertThat(((IdentityVerificationRequested) built.event()).getPerson().getName().getGivenNames()).isEqualTo("Aynur");
    }

    @Test
    void anOfficersPartialApprovalListsEachPersonsOutcome() {
        variables.put("decision", "PARTIALLY_APPROVED");
        variables.put("refusalReasons", "NATIONALITY_NOT_ESTABLISHED");
        variables.put("refusedPersonIds", "p2");
        variables.put("motivation", "Nationality of the spouse not established.");
        ReadmissionDecided decided = (ReadmissionDecided) build("org.readmission.case.readmission-decided.v1").event();
        assertThat(decided.getDecision()).isEqualTo(ReadmissionDecisionType.PARTIALLY_APPROVED);
        assertThat(decided.getDecidedBy().getValue()).isEqualTo("AZ-SMS");
        assertThat(decided.getPersonOutcomes()).extracting(o -> o.getPersonId() + ":" + o.getApproved() + o.getRefusalReasons())
                .containsExactly("p1:true[]", "p2:false[NATIONALITY_NOT_ESTABLISHED]");
    }

    @Test
    void noReplyTreatedAsAgreedIsPublishedAsDeemedAgreedByTheRequestingParty() {
        variables.put("decision", "NO_REPLY_TREATED_AS_AGREED");
        ReadmissionDecided decided = (ReadmissionDecided) build("org.readmission.case.readmission-decided.v1").event();
        assertThat(decided.getDecision()).isEqualTo(ReadmissionDecisionType.DEEMED_AGREED);
        assertThat(decided.getDecidedBy().getValue()).as("the requesting party recorded it").isEqualTo("DE-BPOL");
        assertThat(decided.getPersonOutcomes()).allSatisfy(o -> assertThat(o.getApproved()).isTrue());
        assertThat(decided.getMotivation()).contains("treated as agreed");
    }

    @Test
    void aPartnersDecisionKeepsItsOwnPersonOutcomes() {
        variables.put("decision", "REFUSED");
        variables.put("personOutcomes", "[{\"personId\":\"p1\",\"approved\":false,\"refusalReasons\":[\"OTHER\"]},"
                + "{\"personId\":\"p2\",\"approved\":false,\"refusalReasons\":[\"PERSON_NOT_IDENTIFIED\"]}]");
        ReadmissionDecided decided = (ReadmissionDecided) build("org.readmission.case.readmission-decided.v1").event();
        assertThat(decided.getPersonOutcomes().get(1).getRefusalReasons()).containsExactly(RefusalReason.PERSON_NOT_IDENTIFIED);
    }

    @Test
    void aTravelDocumentIsPublishedForThePersonItWasIssuedTo() {
        variables.put("travelDocumentDueAt", Date.from(NOW.plusSeconds(3600)));
        TravelDocumentIssued issued = (TravelDocumentIssued) build("org.readmission.case.travel-document-issued.v1").event();
        assertThat(issued.getPersonId()).isEqualTo("p1");
        assertThat(issued.getDeadlineMet()).isTrue();
    }

    @Test
    void aStepThatIsNotPerPersonPublishesOneTravelDocumentEventPerPerson() {
        CaseFile family = CaseFileFixtures.registered("RC-2", CaseFileFixtures.travelDocument("p1", NOW),
                CaseFileFixtures.travelDocument("p2", NOW));
        List<CaseEvents.Built> built = events.build("org.readmission.case.travel-document-issued.v1",
                new CaseEvents.Context(family, new ProcessFacts("RC-2", "Task_X", variables::get), NOW));
        assertThat(built).extracting(CaseEvents.Built::personId).containsExactly("p1", "p2");
        ProcessFacts facts = new ProcessFacts("RC-2", "Task_X", variables::get);
        assertThat(PublishCaseEvent.eventId("RC-2", "Task_X", facts, "p1"))
                .isNotEqualTo(PublishCaseEvent.eventId("RC-2", "Task_X", facts, "p2"));
    }

    @Test
    void theReintegrationReferralCarriesTheHandoffsCodesOnly() {
        variables.put("personId", "p1");
        variables.put("consentGiven", true);
        variables.put("vulnerabilities", "MINOR");
        variables.put("needs", "HOUSING,EDUCATION");
        variables.put("region", "Lankaran");
        variables.put("priority", "HIGH");
        variables.put("referralAttempt", 2L);
        ReintegrationReferralRequested referral = (ReintegrationReferralRequested) build(
                "org.readmission.reintegration.referral-requested.v1").event();
        assertThat(CaseEvents.topicOf(referral)).isEqualTo(Topics.REINTEGRATION_REFERRALS);
        assertThat(referral.getPersonId()).isEqualTo("p1");
        assertThat(referral.getConsentGiven()).isTrue();
        assertThat(referral.getVulnerabilities()).containsExactly(Vulnerability.MINOR);
        assertThat(referral.getNeeds()).containsExactly(ReintegrationNeed.HOUSING, ReintegrationNeed.EDUCATION);
        assertThat(referral.getPriority()).isEqualTo(ReintegrationPriority.HIGH);
        assertThat(referral.getAttempt()).isEqualTo(2);
    }

    @Test
    void aReRoutedReferralGetsItsOwnEventId() {
        variables.put("personId", "p1");
        variables.put("referralAttempt", 1);
        ProcessFacts facts = new ProcessFacts("RC-1", "ServiceTask_PublishReferralRequested", variables::get);
        String first = PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishReferralRequested", facts, null);
        assertThat(PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishReferralRequested", facts, null)).isEqualTo(first);
        variables.put("referralAttempt", 2L);
        assertThat(PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishReferralRequested", facts, null)).isNotEqualTo(first);
    }

    @Test
    void theReturnedPersonsAreThoseApproved() {
        variables.put("personOutcomes", "[{\"personId\":\"p1\",\"approved\":true,\"refusalReasons\":[]},"
                + "{\"personId\":\"p2\",\"approved\":false,\"refusalReasons\":[\"OTHER\"]}]");
        assertThat(events.returnedPersons(file, variables::get)).containsExactly("p1");
    }

    @Test
    void anUnknownEventTypeIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> build("org.readmission.case.something.v1"))
                .hasMessageContaining("not an event this service publishes")
                .hasMessageContaining("org.readmission.case.closed.v1");
    }

    @Test
    void theEventIdIsTheSameWhenTheStepRunsAgain() {
        variables.put("personId", "p1");
        variables.put("loopCounter", 0);
        ProcessFacts facts = new ProcessFacts("RC-1", "ServiceTask_PublishVerificationRequested", variables::get);
        String first = PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishVerificationRequested", facts, null);
        assertThat(PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishVerificationRequested", facts, null)).isEqualTo(first);
        variables.put("personId", "p2");
        variables.put("loopCounter", 1);
        assertThat(PublishCaseEvent.eventId("RC-1", "ServiceTask_PublishVerificationRequested", facts, null)).isNotEqualTo(first);
        assertThat(List.of(first)).allMatch(id -> id.length() == 36);
    }

    private CaseEvents.Built build(String type) {
        List<CaseEvents.Built> built = buildAll(type);
        assertThat(built).hasSize(1);
        return built.get(0);
    }

    private List<CaseEvents.Built> buildAll(String type) {
        return events.build(type, new CaseEvents.Context(file, new ProcessFacts("RC-1", "Task_X", variables::get), NOW));
    }
}
