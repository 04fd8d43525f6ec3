package org.readmission.gateway;

import org.readmission.testing.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.readmission.events.partner.ReasonCode.*;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.cases.OpenReadmissionCase;
import org.readmission.events.cases.RecordPartnerSubmission;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.Person;
import org.readmission.events.partner.ApplicationWithdrawn;
import org.readmission.events.partner.PersonalDataCorrected;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.Apprehension;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.common.PersonRole;
import org.readmission.events.common.Sex;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.inbound.SubmissionTopics;
import org.readmission.gateway.outbox.OutboxMessage;
import org.readmission.gateway.outbox.OutgoingMessages;
import org.readmission.gateway.submission.Submission;
import org.readmission.gateway.submission.SubmissionStatus;
import org.readmission.gateway.submission.Submissions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway's behaviour as a partner sees it, over a real Kafka broker and the Mongo-wire store: run against the
 * embedded broker and store, and against real containers where Docker exists.
 */
abstract class PartnerSubmissionScenarios {

    static final String DE_BPOL = "DE-BPOL";
    static final String AZ_SMS = "AZ-SMS";
    static final String NL_DTV = "NL-DTV";

    @Autowired
    AvroCodec codec;
    @Autowired
    EventCatalog catalog;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    Submissions submissions;
    @Autowired
    OutgoingMessages outgoing;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongoTemplate;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProducer<String, byte[]> producer;
    TopicReader germanNotifications;
    TopicReader azerbaijaniNotifications;
    TopicReader commands;
    TopicReader deadLetters;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
        germanNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications(DE_BPOL));
        azerbaijaniNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications(AZ_SMS));
        commands = new TopicReader(bootstrapServers, Topics.CASE_COMMANDS);
        deadLetters = new TopicReader(bootstrapServers, Topics.dlt(Topics.PARTNER_SUBMISSIONS));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        Stream.of(germanNotifications, azerbaijaniNotifications, commands, deadLetters).forEach(TopicReader::close);
    }

    @Test
    void acknowledgesValidApplicationAndEmitsOneCommand() {
        String applicationId = uniqueId();
        String ceId = send(Applications.familyOfThree(applicationId).build(), DE_BPOL);

        SubmissionAcknowledged ack = awaitAcknowledgement(germanNotifications, ceId);
        assertThat(ack.getApplicationId()).isEqualTo(applicationId);
        String caseId = ack.getCaseId().getValue();
        assertThat(caseId).startsWith("RC-");

        ConsumerRecord<String, byte[]> command = commands.await(r -> caseId.equals(r.key()), 1).get(0);
        OpenReadmissionCase open = (OpenReadmissionCase) decode(command);
        assertThat(open.getCaseRef().getRequestingParty().getValue()).isEqualTo(DE_BPOL);
        assertThat(open.getCaseRef().getRequestedParty().getValue()).isEqualTo(AZ_SMS);
        assertThat(open.getApplication().getPersons()).hasSize(3);
        assertThat(open.getSubmissionId()).isEqualTo(ceId);
        assertThat(CloudEventHeaders.read(command.headers()).type()).isEqualTo("org.readmission.case.open.v1");
        assertThat(CloudEventHeaders.read(command.headers()).subject()).isEqualTo(caseId);

        processedUpTo();
        assertThat(commands.matching(r -> caseId.equals(r.key()))).hasSize(1);
    }

    @Test
    void sameRecordDeliveredTwiceYieldsOneCommand() {
        ProducerRecord<String, byte[]> record = record(Applications.familyOfThree(uniqueId()).build(), DE_BPOL, UUID.randomUUID().toString());
        producer.send(record);
        producer.send(copy(record));
        String ceId = CloudEventHeaders.read(record.headers()).id();

        String caseId = awaitAcknowledgement(germanNotifications, ceId).getCaseId().getValue();
        commands.await(r -> caseId.equals(r.key()), 1);
        processedUpTo();

        assertThat(commands.matching(r -> caseId.equals(r.key()))).hasSize(1);
        assertThat(germanNotifications.matching(r -> ceId.equals(submissionIdOf(r)))).hasSize(1);
    }

    @Test
    void resendingTheSameApplicationUnderANewIdChangesNothing() {
        ReadmissionApplicationSubmitted application = Applications.familyOfThree(uniqueId()).build();
        String first = send(application, DE_BPOL);
        String caseId = awaitAcknowledgement(germanNotifications, first).getCaseId().getValue();
        String second = send(application, DE_BPOL);
        processedUpTo();

        assertThat(commands.matching(r -> caseId.equals(r.key()))).hasSize(1);
        assertThat(germanNotifications.matching(r -> second.equals(submissionIdOf(r)))).isEmpty();
    }

    @Test
    void rejectsADifferentApplicationUnderAnAlreadyAcceptedId() {
        String applicationId = uniqueId();
        String first = send(Applications.familyOfThree(applicationId).build(), DE_BPOL);
        String caseId = awaitAcknowledgement(germanNotifications, first).getCaseId().getValue();

        var changed = Applications.familyOfThree(applicationId).setRemarks("second version").build();
        String second = send(changed, DE_BPOL);

        SubmissionRejected rejection = awaitRejection(germanNotifications, second);
        assertThat(codes(rejection)).containsExactly(CONFLICTING_DUPLICATE);
        assertThat(rejection.getMessage()).contains(caseId);
        assertThat(commands.matching(r -> caseId.equals(r.key()))).hasSize(1);
    }

    static Stream<Arguments> invalidApplications() {
        return Stream.of(
                invalid("person without evidence or interview", NO_EVIDENCE_OR_INTERVIEW, b -> withPerson(b, 2, p -> p.setInterviewRequested(false))),
                invalid("birth date in the future", BIRTH_DATE_IN_FUTURE, b -> withPerson(b, 0, p -> p.setDateOfBirth(java.time.LocalDate.now().plusDays(10)))),
                invalid("nationality not ISO 3166", INVALID_COUNTRY_CODE, b -> withPerson(b, 1, p -> p.setClaimedNationality("AZE"))),
                invalid("no persons", NO_PERSONS, b -> b.setPersons(List.of())),
                invalid("blank application id", MISSING_FIELD, b -> b.setApplicationId(" ")),
                invalid("requested party unknown", UNKNOWN_PARTY, b -> b.setRequestedParty(Applications.party("AZ-NOBODY"))),
                invalid("requesting party is not the sender", SENDER_NOT_REQUESTING_PARTY, b -> b.setRequestingParty(Applications.party("NL-DTV"))),
                invalid("apprehension after submission", APPREHENSION_AFTER_SUBMISSION, b -> b.setApprehension(apprehension(b.getSubmittedAt().plusSeconds(600)))),
                invalid("accelerated without apprehension", ACCELERATED_WITHOUT_APPREHENSION, b -> b.setProcedure(ProcedureType.ACCELERATED)),
                invalid("accelerated after the 2 working days", ACCELERATED_TIME_LIMIT_EXCEEDED, b -> b.setProcedure(ProcedureType.ACCELERATED)
                        .setApprehension(apprehension(b.getSubmittedAt().minus(20, ChronoUnit.DAYS)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidApplications")
    void rejectsInvalidApplicationWithReasonCode(String what, ReasonCode expected, Function<ReadmissionApplicationSubmitted.Builder, ReadmissionApplicationSubmitted.Builder> breakIt) {
        String applicationId = uniqueId();
        String ceId = send(breakIt.apply(Applications.familyOfThree(applicationId)).build(), DE_BPOL);

        SubmissionRejected rejection = awaitRejection(germanNotifications, ceId);
        assertThat(codes(rejection)).containsExactly(expected);
        assertThat(rejection.getReasons().get(0).getMessage()).isNotBlank();
        assertThat(rejection.getMessage()).contains(ceId);
        assertThat(commands.matching(r -> applicationId.equals(applicationIdOfCommand(r)))).isEmpty();
    }

    @Test
    void rejectsApplicationFromAPartyNotAllowedToSendIt() {
        var application = Applications.familyOfThree(uniqueId()).setRequestingParty(Applications.party("AZ-DSX"))
                .setRequestedParty(Applications.party(DE_BPOL)).build();
        String ceId = send(application, "AZ-DSX");
        try (TopicReader borderService = new TopicReader(bootstrapServers, Topics.partnerNotifications("AZ-DSX"))) {
            assertThat(codes(awaitRejection(borderService, ceId))).containsExactly(SENDER_NOT_ALLOWED);
        }
    }

    @Test
    void garbageBytesLandOnTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        byte[] garbage = "{\"this\": \"is not avro\"}".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, 0, "garbage", garbage));
        String next = send(Applications.familyOfThree(uniqueId()).build(), DE_BPOL);

        ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> "garbage".equals(r.key()), 1).get(0);
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, "dlt-reason-code")).isEqualTo("MISSING_HEADER");
        assertThat(header(dead, "dlt-original-position")).startsWith(Topics.PARTNER_SUBMISSIONS + "-0@");
        awaitAcknowledgement(germanNotifications, next);
    }

    @Test
    void undecodablePayloadFromAKnownSenderIsDeadLetteredAndTheSenderTold() {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = record(Applications.familyOfThree(uniqueId()).build(), DE_BPOL, ceId);
        byte[] truncated = java.util.Arrays.copyOf(record.value(), 14);
        producer.send(withValue(record, truncated));

        assertThat(codes(awaitRejection(germanNotifications, ceId))).containsExactly(UNDECODABLE_PAYLOAD);
        ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> ceId.equals(CloudEventHeaders.read(r.headers()).id()), 1).get(0);
        assertThat(header(dead, "dlt-reason-code")).isEqualTo("UNDECODABLE_PAYLOAD");
        assertThat(dead.value()).isEqualTo(truncated);
    }

    @Test
    void unknownSchemaFingerprintIsDeadLetteredWithReason() {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = record(Applications.familyOfThree(uniqueId()).build(), DE_BPOL, ceId);
        byte[] value = record.value().clone();
        ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL);
        producer.send(withValue(record, value));

        assertThat(codes(awaitRejection(germanNotifications, ceId))).containsExactly(UNKNOWN_SCHEMA);
        deadLetters.await(r -> ceId.equals(CloudEventHeaders.read(r.headers()).id()), 1);
    }

    @Test
    void typeHeaderThatContradictsThePayloadIsRejected() {
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = record(Applications.familyOfThree(uniqueId()).build(), DE_BPOL, ceId);
        record.headers().remove(CloudEventHeaders.TYPE);
        record.headers().add(CloudEventHeaders.TYPE, "org.readmission.decision.submitted.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(record);

        assertThat(codes(awaitRejection(germanNotifications, ceId))).containsExactly(TYPE_MISMATCH);
    }

    @Test
    void unknownSenderIsDeadLettered() {
        String ceId = UUID.randomUUID().toString();
        producer.send(record(Applications.familyOfThree(uniqueId()).build(), "XX-NOBODY", ceId));

        ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> ceId.equals(CloudEventHeaders.read(r.headers()).id()), 1).get(0);
        assertThat(header(dead, "dlt-reason-code")).isEqualTo("UNKNOWN_SENDER");
    }

    @Test
    void messagesAboutACaseComeOnlyFromTheRightPartyOfThatCase() {
        String applicationId = uniqueId();
        String caseId = awaitAcknowledgement(germanNotifications, send(Applications.familyOfThree(applicationId).build(), DE_BPOL))
                .getCaseId().getValue();

        String byRequestedParty = send(withdrawal(caseId, applicationId), AZ_SMS);
        assertThat(codes(awaitRejection(azerbaijaniNotifications, byRequestedParty))).containsExactly(SENDER_NOT_ALLOWED);

        String unknownCase = send(withdrawal("RC-000000000000", applicationId), DE_BPOL);
        assertThat(codes(awaitRejection(germanNotifications, unknownCase))).containsExactly(UNKNOWN_CASE);

        String byRequestingParty = send(withdrawal(caseId, applicationId), DE_BPOL);
        assertThat(awaitAcknowledgement(germanNotifications, byRequestingParty).getCaseId().getValue()).isEqualTo(caseId);
        List<ConsumerRecord<String, byte[]>> caseCommands = commands.await(r -> caseId.equals(r.key()), 2);
        RecordPartnerSubmission recorded = (RecordPartnerSubmission) decode(caseCommands.get(1));
        assertThat(recorded.getPayload()).isInstanceOf(ApplicationWithdrawn.class);
        assertThat(recorded.getSubmissionType()).isEqualTo("org.readmission.application.withdrawn.v1");
        assertThat(recorded.getSender().getValue()).isEqualTo(DE_BPOL);
    }

    @Test
    void onItsOwnTopicAPartyIsAcceptedInItsOwnNameAndRejectedInAnotherPartysName() {
        // DE-BPOL's own topic: the broker lets only DE-BPOL's principal write it (deploy/kafka-security)
        String ownTopic = SubmissionTopics.ofParty(DE_BPOL);
        String applicationId = uniqueId();
        String ceId = sendTo(ownTopic, Applications.familyOfThree(applicationId).build(), DE_BPOL);
        String caseId = awaitAcknowledgement(germanNotifications, ceId).getCaseId().getValue();
        assertThat(decode(commands.await(r -> caseId.equals(r.key()), 1).get(0))).isInstanceOf(OpenReadmissionCase.class);

        // DE-BPOL approves its own application in the requested party's name (ce_source AZ-SMS)
        String forged = sendTo(ownTopic, decision(caseId, applicationId, ReadmissionDecisionType.APPROVED), AZ_SMS);
        SubmissionRejected rejection = awaitRejection(germanNotifications, forged); // told to the party that wrote it
        assertThat(codes(rejection)).containsExactly(SENDER_NOT_ALLOWED);
        assertThat(rejection.getReasons().get(0).getField()).isEqualTo("ce_source");
        assertThat(rejection.getMessage()).contains(forged, ownTopic, "only DE-BPOL can write");

        // the next record of the partition is processed; the forged one was not passed on, nor answered to AZ-SMS
        String withdrawn = sendTo(ownTopic, withdrawal(caseId, applicationId), DE_BPOL);
        awaitAcknowledgement(germanNotifications, withdrawn);
        List<ConsumerRecord<String, byte[]>> caseCommands = commands.await(r -> caseId.equals(r.key()), 2);
        assertThat(commands.matching(r -> caseId.equals(r.key()))).hasSize(2);
        assertThat(((RecordPartnerSubmission) decode(caseCommands.get(1))).getPayload()).isInstanceOf(ApplicationWithdrawn.class);
        assertThat(azerbaijaniNotifications.matching(r -> forged.equals(submissionIdOf(r)))).isEmpty();

        // audited as DE-BPOL's rejected message, like a REST submission in another party's name
        org.bson.Document audited = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> mongoTemplate.getCollection("audit_trail").find(new org.bson.Document("reference", forged)
                        .append("action", "MESSAGE_REJECTED")).first(), d -> d != null);
        assertThat(audited).containsEntry("who", "partner:DE-BPOL").containsEntry("party", DE_BPOL)
                .containsEntry("outcome", "SENDER_NOT_ALLOWED").containsEntry("what", "org.readmission.decision.submitted.v1");
        // kept as DE-BPOL's rejected submission: it does not take that id from AZ-SMS
        assertThat(submissions.findById(InboundRecord.eventKey(DE_BPOL, forged)))
                .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SubmissionStatus.REJECTED));
        assertThat(submissions.findById(InboundRecord.eventKey(AZ_SMS, forged))).isEmpty();
    }

    @Test
    void aCorrectionOfAPersonComesFromTheRequestingPartyAboutAPersonOfTheCaseAndIsPassedOn() {
        String applicationId = uniqueId();
        String caseId = awaitAcknowledgement(germanNotifications, send(Applications.familyOfThree(applicationId).build(), DE_BPOL))
                .getCaseId().getValue();

        String byRequestedParty = send(correction(caseId, applicationId, "p1", LocalDate.of(1988, 4, 21)), AZ_SMS);
        assertThat(codes(awaitRejection(azerbaijaniNotifications, byRequestedParty))).containsExactly(SENDER_NOT_ALLOWED);

        String unknownPerson = send(correction(caseId, applicationId, "p9", LocalDate.of(1988, 4, 21)), DE_BPOL);
        assertThat(codes(awaitRejection(germanNotifications, unknownPerson))).containsExactly(ReasonCode.UNKNOWN_PERSON);

        String bornTomorrow = send(correction(caseId, applicationId, "p1", LocalDate.now().plusDays(2)), DE_BPOL);
        assertThat(codes(awaitRejection(germanNotifications, bornTomorrow))).containsExactly(ReasonCode.BIRTH_DATE_IN_FUTURE);

        String corrected = send(correction(caseId, applicationId, "p1", LocalDate.of(1988, 4, 21)), DE_BPOL);
        assertThat(awaitAcknowledgement(germanNotifications, corrected).getCaseId().getValue()).isEqualTo(caseId);
        List<ConsumerRecord<String, byte[]>> caseCommands = commands.await(r -> caseId.equals(r.key()), 2);
        RecordPartnerSubmission recorded = (RecordPartnerSubmission) decode(caseCommands.get(1));
        assertThat(recorded.getSubmissionType()).isEqualTo("org.readmission.personal-data.corrected.v1");
        assertThat(((PersonalDataCorrected) recorded.getPayload()).getPerson().getDateOfBirth()).isEqualTo(LocalDate.of(1988, 4, 21));
        assertThat(recorded.getSender().getValue()).isEqualTo(DE_BPOL);
    }

    @Test
    void theRequestedPartyCannotReplyThatTheApplicationIsDeemedAgreed() {
        String applicationId = uniqueId();
        String caseId = awaitAcknowledgement(germanNotifications, send(Applications.familyOfThree(applicationId).build(), DE_BPOL))
                .getCaseId().getValue();

        String deemed = send(decision(caseId, applicationId, ReadmissionDecisionType.DEEMED_AGREED), AZ_SMS);
        assertThat(codes(awaitRejection(azerbaijaniNotifications, deemed))).containsExactly(ReasonCode.INVALID_DECISION);

        String approved = send(decision(caseId, applicationId, ReadmissionDecisionType.APPROVED), AZ_SMS);
        assertThat(awaitAcknowledgement(azerbaijaniNotifications, approved).getCaseId().getValue()).isEqualTo(caseId);
    }

    @Test
    void restSubmissionIsProcessedLikeAKafkaSubmission() throws Exception {
        ObjectNode json = exampleApplication();
        String applicationId = json.get("applicationId").asText();

        ResponseEntity<JsonNode> response = rest.exchange(post(json, DE_BPOL), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String submissionId = response.getBody().get("submissionId").asText();

        SubmissionAcknowledged ack = awaitAcknowledgement(germanNotifications, submissionId);
        assertThat(ack.getApplicationId()).isEqualTo(applicationId);
        JsonNode status = rest.exchange(RequestEntity.get(URI.create(response.getBody().get("statusUrl").asText()))
                .header("Authorization", "Bearer " + GatewayTokens.partnerSystem(DE_BPOL)).build(), JsonNode.class).getBody();
        // another party's system does not see it
        JsonNode foreign = rest.exchange(RequestEntity.get(URI.create(response.getBody().get("statusUrl").asText()))
                .header("Authorization", "Bearer " + GatewayTokens.partnerSystem(NL_DTV)).build(), JsonNode.class).getBody();
        assertThat(foreign.get("status").asText()).isEqualTo("PENDING");
        assertThat(foreign.get("caseId").isNull()).isTrue();
        assertThat(status.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.get("caseId").asText()).isEqualTo(ack.getCaseId().getValue());
    }

    @Test
    void restSubmissionInAnotherPartysNameIsRefusedAndAudited() throws Exception {
        ObjectNode json = exampleApplication();
        // DE-BPOL's system sends in NL-DTV's name
        ResponseEntity<JsonNode> response = rest.exchange(post(json, DE_BPOL, NL_DTV), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody().get("reasons").findValuesAsText("code")).containsExactly("SENDER_NOT_ALLOWED");
        assertThat(response.getBody().toString()).contains("token is DE-BPOL's");
        // recorded in the audit trail as the authenticated partner's refused message (appended before the answer)
        assertThat(mongoTemplate.getCollection("audit_trail").find(new org.bson.Document("party", DE_BPOL)
                        .append("action", "MESSAGE_REJECTED")).into(new java.util.ArrayList<>()))
                .extracting(d -> d.getString("who") + " " + d.getString("outcome"))
                .contains("partner:DE-BPOL SENDER_NOT_ALLOWED:SENDER_DIFFERS_FROM_TOKEN");
        // without a token: 401, nothing taken
        ResponseEntity<JsonNode> anonymous = rest.exchange(RequestEntity.post(URI.create("/api/v1/applications"))
                .header("X-Party-Code", DE_BPOL).contentType(MediaType.APPLICATION_JSON).body(json), JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void invalidRestSubmissionIsAnsweredAtOnceWithReasonCodes() throws Exception {
        ObjectNode json = exampleApplication();
        ((ObjectNode) json.get("persons").get(1)).put("interviewRequested", false);
        ((ObjectNode) json.get("persons").get(0)).put("claimedNationality", "AZE");

        ResponseEntity<JsonNode> response = rest.exchange(post(json, DE_BPOL), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody().get("reasons").findValuesAsText("code"))
                .containsExactlyInAnyOrder("NO_EVIDENCE_OR_INTERVIEW", "INVALID_COUNTRY_CODE");
        json.remove("persons");
        assertThat(rest.exchange(post(json, DE_BPOL), JsonNode.class).getBody().get("reasons").findValuesAsText("field")).contains("persons");
        assertThat(rest.exchange(post(exampleApplication(), "XX-NOBODY"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aRecordStoredJustBeforeACrashHasItsStoredMessagesPublishedWhenDeliveredAgain() {
        // The state a crash leaves between "document stored" and "messages published": the offset was not committed,
        // so the same record comes again at the same position. Its stored messages must then be published.
        String applicationId = uniqueId();
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = record(Applications.familyOfThree(applicationId).build(), DE_BPOL, ceId);
        long nextOffset = endOffsetOfPartitionZero();
        String caseId = "RC-" + ceId.substring(0, 12).toUpperCase();
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SubmissionAcknowledged owed = SubmissionAcknowledged.newBuilder().setSubmissionId(ceId)
                .setSubmissionType("org.readmission.application.submitted.v1").setApplicationId(applicationId)
                .setCaseId(CaseId.newBuilder().setValue(caseId).build()).setReceivedAt(receivedAt).build();
        OutboxMessage message = outgoing.event(owed, Topics.partnerNotifications(DE_BPOL), caseId, caseId, receivedAt, "crash-test", ceId);
        String key = "ce:" + DE_BPOL + ":" + ceId;
        submissions.insert(new Submission(key, "application:" + DE_BPOL + ":" + applicationId, ceId, DE_BPOL, owed.getSubmissionType(),
                SubmissionStatus.ACCEPTED, caseId, applicationId, DE_BPOL, AZ_SMS, "hash", List.of(), receivedAt,
                Topics.PARTNER_SUBMISSIONS + "-0@" + nextOffset, List.of(), record.value(), List.of(message)));

        producer.send(record);
        ConsumerRecord<String, byte[]> republished = germanNotifications.await(r -> ceId.equals(submissionIdOf(r)), 1).get(0);
        assertThat(CloudEventHeaders.read(republished.headers()).id()).isEqualTo(message.id());
        assertThat(((SubmissionAcknowledged) decode(republished)).getCaseId().getValue()).isEqualTo(caseId);

        producer.send(copy(record)); // the same record sent again later, at a new position: a duplicate, nothing more
        processedUpTo();
        assertThat(germanNotifications.matching(r -> ceId.equals(submissionIdOf(r)))).hasSize(1);
    }

    long endOffsetOfPartitionZero() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.<String, Object>of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition(Topics.PARTNER_SUBMISSIONS, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    ObjectNode exampleApplication() throws java.io.IOException {
        try (var in = getClass().getResourceAsStream("/examples/application.json")) {
            ObjectNode json = (ObjectNode) new ObjectMapper().readTree(in);
            return json.put("applicationId", uniqueId());
        }
    }

    /** A REST submission by {@code party}'s system: its token, and its party code in {@code X-Party-Code}. */
    static RequestEntity<JsonNode> post(JsonNode body, String party) {
        return post(body, party, party);
    }

    static RequestEntity<JsonNode> post(JsonNode body, String tokenParty, String claimedParty) {
        return RequestEntity.post(URI.create("/api/v1/applications")).header("X-Party-Code", claimedParty)
                .header("Authorization", "Bearer " + GatewayTokens.partnerSystem(tokenParty))
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Sends a valid marker on the same partition and waits for its acknowledgement: everything before it is processed. */
    void processedUpTo() {
        awaitAcknowledgement(germanNotifications, send(Applications.familyOfThree(uniqueId()).build(), DE_BPOL));
    }

    String send(SpecificRecord record, String source) {
        ProducerRecord<String, byte[]> producerRecord = record(record, source, UUID.randomUUID().toString());
        producer.send(producerRecord);
        producer.flush();
        return CloudEventHeaders.read(producerRecord.headers()).id();
    }

    /** Sends to another submission topic than the shared one, e.g. a party's own. */
    String sendTo(String topic, SpecificRecord record, String source) {
        ProducerRecord<String, byte[]> shared = record(record, source, UUID.randomUUID().toString());
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(topic, shared.partition(), shared.key(), shared.value(),
                shared.headers());
        producer.send(producerRecord);
        producer.flush();
        return CloudEventHeaders.read(producerRecord.headers()).id();
    }

    /** All test submissions go to partition 0, so that a later record proves the earlier ones were processed. */
    ProducerRecord<String, byte[]> record(SpecificRecord record, String source, String ceId) {
        ProducerRecord<String, byte[]> producerRecord = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS, 0,
                String.valueOf(((org.apache.avro.generic.GenericRecord) record).get("applicationId")), codec.encode(record));
        CloudEventHeaders.write(producerRecord.headers(), CloudEventAttributes.of(catalog.of(record.getClass()), ceId, source, null, Instant.now()));
        return producerRecord;
    }

    static ProducerRecord<String, byte[]> copy(ProducerRecord<String, byte[]> record) {
        return withValue(record, record.value());
    }

    static ProducerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> record, byte[] value) {
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(), value, record.headers());
    }

    SubmissionAcknowledged awaitAcknowledgement(TopicReader reader, String ceId) {
        return (SubmissionAcknowledged) decode(reader.await(r -> ceId.equals(submissionIdOf(r)) && isA(r, SubmissionAcknowledged.class), 1).get(0));
    }

    SubmissionRejected awaitRejection(TopicReader reader, String ceId) {
        return (SubmissionRejected) decode(reader.await(r -> ceId.equals(submissionIdOf(r)) && isA(r, SubmissionRejected.class), 1).get(0));
    }

    boolean isA(ConsumerRecord<String, byte[]> record, Class<?> type) {
        return catalog.of(type.asSubclass(SpecificRecord.class)).ceType().equals(CloudEventHeaders.read(record.headers()).type());
    }

    String submissionIdOf(ConsumerRecord<String, byte[]> record) {
        SpecificRecord decoded = decode(record);
        if (decoded instanceof SubmissionAcknowledged ack) {
            return ack.getSubmissionId();
        }
        return decoded instanceof SubmissionRejected rejected ? rejected.getSubmissionId() : null;
    }

    String applicationIdOfCommand(ConsumerRecord<String, byte[]> record) {
        return decode(record) instanceof OpenReadmissionCase open ? open.getCaseRef().getApplicationId() : null;
    }

    SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (UndecodableEventException e) {
            throw new AssertionError("the gateway published an undecodable record", e);
        }
    }

    static List<ReasonCode> codes(SubmissionRejected rejection) {
        return rejection.getReasons().stream().map(r -> r.getCode()).toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventHeaders.header(record.headers(), name);
    }

    static String uniqueId() {
        return "DE-BPOL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ReadmissionDecisionSubmitted decision(String caseId, String applicationId, ReadmissionDecisionType type) {
        return ReadmissionDecisionSubmitted.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                .setApplicationId(applicationId).setSentAt(Instant.now()).setDecision(type)
                .setPersonOutcomes(List.of(PersonOutcome.newBuilder().setPersonId("P1").setApproved(true).build()))
                .setMotivation("identity confirmed").setDecidedAt(Instant.now()).build();
    }

    /** The requesting party corrects the date of birth of one person of {@link Applications#familyOfThree}. */
    static PersonalDataCorrected correction(String caseId, String applicationId, String personId, LocalDate born) {
        return PersonalDataCorrected.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                .setApplicationId(applicationId).setSentAt(Instant.now())
                .setPerson(Applications.person(personId, PersonRole.MAIN_PERSON, "Elvin", "Məmmədov", born, Sex.MALE,
                        Applications.familyOfThree(applicationId).build().getPersons().get(0).getEvidence(), false))
                .setCorrectedFields(List.of("dateOfBirth")).setNote("typing error in the date of birth").build();
    }

    static ApplicationWithdrawn withdrawal(String caseId, String applicationId) {
        return ApplicationWithdrawn.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                .setApplicationId(applicationId).setSentAt(Instant.now()).setReason("person left voluntarily").build();
    }

    static Apprehension apprehension(Instant at) {
        return Apprehension.newBuilder().setApprehendedAt(at).setPlace("Frankfurt (Oder)").setInBorderRegion(true).setCrossedDirectlyFrom("AZ").build();
    }

    static ReadmissionApplicationSubmitted.Builder withPerson(ReadmissionApplicationSubmitted.Builder builder, int index,
                                                             Function<Person.Builder, Person.Builder> change) {
        List<Person> persons = new ArrayList<>(builder.getPersons());
        persons.set(index, change.apply(Person.newBuilder(persons.get(index))).build());
        return builder.setPersons(persons);
    }

    static Arguments invalid(String what, ReasonCode code, Function<ReadmissionApplicationSubmitted.Builder, ReadmissionApplicationSubmitted.Builder> change) {
        return Arguments.of(what, code, change);
    }
}
