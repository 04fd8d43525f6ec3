package org.readmission.caseworkflow.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.readmission.caseworkflow.CaseCommands;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventType;
import org.readmission.events.Topics;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.RefusalReason;
import org.readmission.messaging.EnvelopeReader;

/** The envelope checks of consumed records: what may enter the inbox, and why the rest is dead-lettered. */
class IncomingEventsTest {

    final EventCatalog catalog = EventCatalog.v1();
    final AvroCodec codec = new AvroCodec(catalog);
    final IncomingEvents incoming = new IncomingEvents(new EnvelopeReader(codec, catalog), catalog);

    @Test
    void acceptsAnOpenCaseCommandAsTheStartMessage() {
        IncomingEvents.Reading reading = incoming.read(record(CaseCommands.openCase("RC-1"), catalog.of(
                org.readmission.events.cases.OpenReadmissionCase.class)));
        IncomingEvent event = ((IncomingEvents.Accepted) reading).event();
        assertThat(event.messageName()).isEqualTo("org.readmission.case.open.v1");
        assertThat(event.caseId()).isEqualTo("RC-1");
        assertThat(event.requestingParty()).isEqualTo("DE-BPOL");
        assertThat(event.requestedParty()).isEqualTo("AZ-SMS");
        assertThat(event.origin()).isEqualTo(Topics.CASE_COMMANDS + "-0@42");
    }

    @Test
    void aPartnerSubmissionTriggersTheMessageNamedByItsSubmissionType() {
        RecordPartnerSubmission decision = CaseCommands.decision("RC-1", ReadmissionDecisionType.REFUSED, RefusalReason.OTHER);
        IncomingEvent event = ((IncomingEvents.Accepted) incoming.read(record(decision, catalog.of(RecordPartnerSubmission.class)))).event();
        assertThat(event.messageName()).isEqualTo("org.readmission.decision.submitted.v1");
    }

    @Test
    void aVerificationResultTriggersTheVerificationMessage() {
        var result = CaseCommands.verified("RC-1", "p1", VerificationOutcome.CONFIRMED);
        IncomingEvent event = ((IncomingEvents.Accepted) incoming.read(record(result, catalog.of(result.getClass())))).event();
        assertThat(event.messageName()).isEqualTo("org.readmission.identity.verification-completed.v1");
    }

    @Test
    void rejectsBytesThatAreNotAnEvent() {
        ConsumerRecord<String, byte[]> record = record(CaseCommands.openCase("RC-1"), catalog.of(
                org.readmission.events.cases.OpenReadmissionCase.class));
        ConsumerRecord<String, byte[]> garbage = new ConsumerRecord<>(record.topic(), 0, 1, "RC-1", "hello".getBytes(UTF_8));
        record.headers().forEach(h -> garbage.headers().add(h));
        assertThat(rejection(garbage).code()).isEqualTo(ReasonCode.UNDECODABLE_PAYLOAD);
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.CASE_COMMANDS, 0, 1, "RC-1",
                codec.encode(CaseCommands.openCase("RC-1")));
        IncomingEvents.Rejected rejected = rejection(record);
        assertThat(rejected.code()).isEqualTo(ReasonCode.MISSING_HEADER);
        assertThat(rejected.message()).contains("ce_id", "ce_type", "ce_source");
    }

    @Test
    void rejectsATypeHeaderThatDoesNotMatchThePayload() {
        ConsumerRecord<String, byte[]> record = record(CaseCommands.openCase("RC-1"), catalog.of(RecordPartnerSubmission.class));
        assertThat(rejection(record).code()).isEqualTo(ReasonCode.TYPE_MISMATCH);
    }

    @Test
    void rejectsASubmissionWhoseTypeDiffersFromWhatItCarries() {
        RecordPartnerSubmission decision = CaseCommands.decision("RC-1", ReadmissionDecisionType.APPROVED);
        decision.setSubmissionType("org.readmission.transfer.proposed.v1");
        IncomingEvents.Rejected rejected = rejection(record(decision, catalog.of(RecordPartnerSubmission.class)));
        assertThat(rejected.code()).isEqualTo(ReasonCode.TYPE_MISMATCH);
        assertThat(rejected.message()).contains("submissionType org.readmission.transfer.proposed.v1");
    }

    @Test
    void rejectsEventsThatAreNotCorrelatedHere() {
        var registered = org.readmission.events.cases.CaseRegistered.newBuilder().setCaseRef(CaseCommands.caseRef("RC-1"))
                .setOccurredAt(Instant.now()).setProcedure(org.readmission.events.partner.ProcedureType.NORMAL)
                .setCategory(org.readmission.events.partner.PersonCategory.OWN_NATIONAL).setPersonCount(1)
                .setReceivedAt(Instant.now()).build();
        assertThat(rejection(record(registered, catalog.of(registered.getClass()))).message())
                .contains("is not correlated by the case workflow");
    }

    private IncomingEvents.Rejected rejection(ConsumerRecord<String, byte[]> record) {
        return (IncomingEvents.Rejected) incoming.read(record);
    }

    private ConsumerRecord<String, byte[]> record(SpecificRecord event, EventType claimedType) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.CASE_COMMANDS, 0, 42, "RC-1", codec.encode(event));
        RecordHeaders headers = (RecordHeaders) record.headers();
        CloudEventHeaders.write(headers, CloudEventAttributes.of(claimedType, "ce-1", "partner-gateway", "RC-1", Instant.now()));
        return record;
    }
}
