package org.readmission.caseworkflow.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.readmission.caseworkflow.CaseCommands;
import org.readmission.caseworkflow.cases.CaseFileFixtures;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;

/** What an incoming event asks of the process: routing variables and small values, never personal data. */
class CorrelationRequestsTest {

    final AvroCodec codec = new AvroCodec(EventCatalog.v1());
    final InboxPayloads payloads = new InboxPayloads(CaseFileFixtures.KEYS, null);
    final CorrelationRequests requests = new CorrelationRequests(codec, new ObjectMapper(), payloads);

    @Test
    void anOpenCaseCommandStartsTheCaseWithRoutingVariablesOnly() {
        var open = CaseCommands.openCase("RC-1");
        var start = (CorrelationRequest.StartCase) requests.requestFor(entry(open, "org.readmission.case.open.v1"));

        assertThat(start.caseId()).isEqualTo("RC-1");
        assertThat(start.variables()).containsOnlyKeys("caseId", "applicationId", "requestingParty", "requestedParty",
                "procedure", "category", "personIds", "receivedAt", "openCaseCommandId");
        assertThat(start.variables()).containsEntry("personIds", List.of("p1", "p2"))
                .containsEntry("receivedAt", Date.from(open.getReceivedAt()))
                .containsEntry("openCaseCommandId", "partner-gateway/ce-1")
                .containsEntry("procedure", "NORMAL");
        assertThat(start.variables().values()).noneMatch(v -> String.valueOf(v).contains("Məmmədov"));
    }

    @Test
    void aDecisionCarriesItsDecisionReasonsAndPersonOutcomes() {
        var decision = CaseCommands.decision("RC-1", ReadmissionDecisionType.REFUSED, RefusalReason.PERSON_NOT_IDENTIFIED,
                RefusalReason.OTHER);
        var deliver = (CorrelationRequest.DeliverMessage) requests.requestFor(entry(decision, "org.readmission.decision.submitted.v1"));

        assertThat(deliver.messageName()).isEqualTo("org.readmission.decision.submitted.v1");
        assertThat(deliver.localMatch()).isEmpty();
        assertThat(deliver.variables()).containsEntry("decision", "REFUSED")
                .containsEntry("refusalReasons", "PERSON_NOT_IDENTIFIED,OTHER")
                .containsKeys("motivation", "decidedAt");
        assertThat((String) deliver.variables().get("personOutcomes")).contains("\"personId\":\"p1\"", "\"approved\":false");
    }

    @Test
    void aProtectionConcernNamesThePartyThatRaisedItSoThatItsOfficerReviewsTheHold() {
        var concern = org.readmission.events.cases.RecordPartnerSubmission.newBuilder(CaseCommands.protectionConcern("RC-1", "p1"))
                .setSender(org.readmission.events.common.PartyCode.newBuilder().setValue("AZ-SMS").build()).build();
        var deliver = (CorrelationRequest.DeliverMessage) requests.requestFor(entry(concern, "org.readmission.protection.concern-raised.v1"));

        assertThat(deliver.variables()).containsEntry("holdRaisedBy", "AZ-SMS").containsEntry("protectionConcern", "ASYLUM_CLAIM");
    }

    @Test
    void aCorrectionTellsTheProcessWhereToReadItAndWhoseDataItIsButNotTheData() {
        var correction = CaseCommands.correction("RC-1", "Məmmədli", java.time.LocalDate.of(1988, 4, 21));
        InboxEntry entry = entry(correction, "org.readmission.personal-data.corrected.v1");
        var deliver = (CorrelationRequest.DeliverMessage) requests.requestFor(entry);

        assertThat(deliver.variables()).containsEntry("correctionEntryId", entry.id())
                .containsEntry("correctedPersonId", "p1").containsEntry("correctedBy", "DE-BPOL")
                .containsEntry("correctedFields", "name,dateOfBirth")
                .containsEntry("correctionId", correction.getSubmissionId());
        assertThat(deliver.variables().values()).noneMatch(v -> String.valueOf(v).contains("Məmmədli")
                || String.valueOf(v).contains("1988"));
    }

    @Test
    void aVerificationResultGoesToThePersonItConcerns() {
        var result = CaseCommands.verified("RC-1", "p2", VerificationOutcome.NOT_CONFIRMED);
        var deliver = (CorrelationRequest.DeliverMessage) requests.requestFor(
                entry(result, "org.readmission.identity.verification-completed.v1"));

        assertThat(deliver.localMatch()).containsEntry("personId", "p2");
        assertThat(deliver.localVariables()).containsEntry("verificationOutcome", "NOT_CONFIRMED");
        assertThat(deliver.variables()).isEmpty();
    }

    @Test
    void theMarkerOfAnEventIsAVariableNameDerivedFromItsId() {
        InboxEntry entry = entry(CaseCommands.openCase("RC-1"), "org.readmission.case.open.v1");
        assertThat(ProcessCorrelator.markerOf(entry)).startsWith("inbox_").hasSize(38)
                .isEqualTo(ProcessCorrelator.markerOf(entry(CaseCommands.openCase("RC-2"), "x")));
    }

    private InboxEntry entry(SpecificRecord payload, String messageName) {
        return InboxEntry.received(payloads.sealed(new IncomingEvent("ce-1", "partner-gateway", "type", messageName, "RC-1",
                "DE-BPOL", "AZ-SMS", "t-0@1", codec.encode(payload))), Instant.now(), "node", Duration.ofMinutes(1));
    }
}
