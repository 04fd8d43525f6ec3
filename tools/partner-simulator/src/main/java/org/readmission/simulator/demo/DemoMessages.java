package org.readmission.simulator.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.partner.ApplicationWithdrawn;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.ProtectionConcern;
import org.readmission.events.partner.ProtectionConcernRaised;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.RefusalReason;
import org.readmission.events.partner.TransferConfirmed;
import org.readmission.events.partner.TransferProposed;
import org.readmission.simulator.generator.Parties;

/**
 * The partners' messages about a demo case (to readmission.partner-submissions, key = application id, ce_source =
 * the sending party of the case), and the one command that bypasses the gateway: {@code OpenReadmissionCase} with a
 * receipt in the past. Every ce_id is deterministic in the run tag, the application and the step.
 */
final class DemoMessages {

    /** ce_source of the commands the demo sends in the gateway's place. */
    static final String BYPASS_SOURCE = "partner-simulator.seed-demo";

    private static final EventCatalog CATALOG = EventCatalog.v1();

    private final AvroCodec codec = new AvroCodec(CATALOG);
    private final String runTag;

    DemoMessages(String runTag) {
        this.runTag = runTag;
    }

    /** The case id the gateway derives from an application: {@code RC-} and 12 hex digits of its claim key's SHA-256. */
    static String caseIdOf(String requestingParty, String applicationId) {
        String claimKey = "application:" + requestingParty.toUpperCase(Locale.ROOT) + ":" + applicationId;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(claimKey.getBytes(StandardCharsets.UTF_8));
            return "RC-" + java.util.HexFormat.of().formatHex(digest).substring(0, 12).toUpperCase(Locale.ROOT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    ProducerRecord<String, byte[]> openCase(ReadmissionApplicationSubmitted application, Instant receivedAt, Instant now) {
        String requesting = application.getRequestingParty().getValue();
        String caseId = caseIdOf(requesting, application.getApplicationId());
        String ceId = ceId(application.getApplicationId(), "open-case");
        OpenReadmissionCase command = OpenReadmissionCase.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(caseId(caseId)).setApplicationId(application.getApplicationId())
                        .setRequestingParty(application.getRequestingParty()).setRequestedParty(application.getRequestedParty()).build())
                .setReceivedAt(receivedAt)
                .setSubmissionId(ceId)
                .setApplication(application)
                .build();
        return record(Topics.CASE_COMMANDS, caseId, command, ceId, BYPASS_SOURCE, caseId, now);
    }

    ProducerRecord<String, byte[]> decision(DemoCase demo, ReadmissionDecisionType type, Set<String> refused, Instant now) {
        List<PersonOutcome> outcomes = demo.personIds().stream().map(id -> PersonOutcome.newBuilder().setPersonId(id)
                .setApproved(!refused.contains(id))
                .setRefusalReasons(refused.contains(id) ? List.of(demo.target().refused()
                        ? RefusalReason.NATIONALITY_NOT_ESTABLISHED : RefusalReason.CONDITIONS_NOT_MET) : List.of())
                .build()).toList();
        String motivation = type == ReadmissionDecisionType.APPROVED
                ? "Nationality of every person established; readmission approved."
                : type == ReadmissionDecisionType.REFUSED
                        ? "Nationality could not be established from the evidence or the interview."
                        : "Nationality established for the persons approved; the conditions are not met for the others.";
        ReadmissionDecisionSubmitted decision = ReadmissionDecisionSubmitted.newBuilder()
                .setCaseId(caseId(demo.caseId())).setApplicationId(demo.applicationId()).setSentAt(now)
                .setDecision(type).setPersonOutcomes(outcomes).setMotivation(motivation).setDecidedAt(now).build();
        return partner(demo, demo.requested(), decision, "decision", now);
    }

    ProducerRecord<String, byte[]> transferProposed(DemoCase demo, Instant at, String crossing, Instant now) {
        TransferProposed proposal = TransferProposed.newBuilder()
                .setCaseId(caseId(demo.caseId())).setApplicationId(demo.applicationId()).setSentAt(now)
                .setProposedAt(at).setBorderCrossingPoint(crossing).setFlightNumber(null).setEscortCount(2)
                .setPersonIds(List.copyOf(demo.approvedPersonIds())).build();
        return partner(demo, demo.requesting(), proposal, "transfer-proposed", now);
    }

    ProducerRecord<String, byte[]> transferConfirmed(DemoCase demo, Instant at, String crossing, Instant now) {
        TransferConfirmed confirmation = TransferConfirmed.newBuilder()
                .setCaseId(caseId(demo.caseId())).setApplicationId(demo.applicationId()).setSentAt(now)
                .setConfirmedAt(at).setBorderCrossingPoint(crossing).build();
        return partner(demo, demo.requested(), confirmation, "transfer-confirmed", now);
    }

    ProducerRecord<String, byte[]> withdrawal(DemoCase demo, Instant now) {
        ApplicationWithdrawn withdrawn = ApplicationWithdrawn.newBuilder()
                .setCaseId(caseId(demo.caseId())).setApplicationId(demo.applicationId()).setSentAt(now)
                .setReason("The person left the territory voluntarily.").build();
        return partner(demo, demo.requesting(), withdrawn, "withdrawal", now);
    }

    ProducerRecord<String, byte[]> protectionConcern(DemoCase demo, Instant now) {
        ProtectionConcernRaised concern = ProtectionConcernRaised.newBuilder()
                .setCaseId(caseId(demo.caseId())).setApplicationId(demo.applicationId()).setSentAt(now)
                .setPersonId(demo.personIds().get(0)).setConcern(ProtectionConcern.NON_REFOULEMENT).setDetails(null).build();
        return partner(demo, demo.requesting(), concern, "protection-concern", now);
    }

    /** Where the person is handed over: the requested state's main airport. */
    static String crossingPointOf(String requestedParty) {
        switch (Parties.country(requestedParty)) {
            case "AZ":
                return "Heydar Aliyev International Airport (GYD)";
            case "NL":
                return "Amsterdam Airport Schiphol (AMS)";
            default:
                return "Frankfurt Airport (FRA)";
        }
    }

    /** The requested state's consular section in the requesting state's capital. */
    static String interviewPlace(String requestingParty, String requestedParty) {
        String city;
        switch (Parties.country(requestingParty)) {
            case "AZ":
                city = "Baku";
                break;
            case "NL":
                city = "The Hague";
                break;
            case "FR":
                city = "Paris";
                break;
            case "AT":
                city = "Vienna";
                break;
            case "PL":
                city = "Warsaw";
                break;
            default:
                city = "Berlin";
        }
        return "Consular section of the " + Parties.country(requestedParty) + " embassy, " + city;
    }

    private ProducerRecord<String, byte[]> partner(DemoCase demo, String sender, SpecificRecord message, String step, Instant now) {
        return record(Topics.PARTNER_SUBMISSIONS, demo.applicationId(), message, ceId(demo.applicationId(), step), sender, null, now);
    }

    String ceId(String applicationId, String step) {
        return EventIds.deterministic("partner-simulator.seed-demo", runTag, applicationId, step);
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord value, String ceId, String source,
                                                  String subject, Instant time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(value));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(CATALOG.of(value.getClass()), ceId, source, subject, time));
        return record;
    }

    AvroCodec codec() {
        return codec;
    }

    private static CaseId caseId(String value) {
        return CaseId.newBuilder().setValue(value).build();
    }
}
