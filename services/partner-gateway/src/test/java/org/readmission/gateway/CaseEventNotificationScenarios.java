package org.readmission.gateway;

import org.readmission.testing.TopicReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
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
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.cases.CaseRegistered;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.Deadline;
import org.readmission.events.common.DeadlineKind;
import org.readmission.events.partner.ApplicationForwarded;
import org.readmission.events.partner.PersonalDataRectified;
import org.readmission.events.partner.PersonCategory;
import org.readmission.events.partner.ProcedureType;
import org.readmission.events.partner.ReplyDeadlineSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** How the parties of a case hear about it: case events passed on to both parties' notification topics, once. */
abstract class CaseEventNotificationScenarios {

    @Autowired
    AvroCodec codec;
    @Autowired
    EventCatalog catalog;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    KafkaProducer<String, byte[]> producer;
    TopicReader germanNotifications;
    TopicReader azerbaijaniNotifications;
    TopicReader caseEventDeadLetters;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new ByteArraySerializer());
        germanNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications("DE-BPOL"));
        azerbaijaniNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications("AZ-SMS"));
        caseEventDeadLetters = new TopicReader(bootstrapServers, Topics.dlt(Topics.CASE_EVENTS));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        Stream.of(germanNotifications, azerbaijaniNotifications, caseEventDeadLetters).forEach(TopicReader::close);
    }

    @Test
    void aCaseEventReachesBothPartiesOnceEvenWhenDeliveredTwice() {
        String caseId = newCaseId();
        ProducerRecord<String, byte[]> deadlineSet = caseEvent(replyDeadlineSet(caseId), caseId);
        producer.send(deadlineSet);
        producer.send(new ProducerRecord<>(deadlineSet.topic(), deadlineSet.partition(), deadlineSet.key(), deadlineSet.value(), deadlineSet.headers()));
        String eventId = CloudEventHeaders.read(deadlineSet.headers()).id();

        String marker = sendMarkerAfter(caseId);
        germanNotifications.await(r -> marker.equals(idOf(r)), 1);
        azerbaijaniNotifications.await(r -> marker.equals(idOf(r)), 1);

        assertThat(germanNotifications.matching(r -> eventId.equals(idOf(r)))).hasSize(1);
        ConsumerRecord<String, byte[]> received = azerbaijaniNotifications.matching(r -> eventId.equals(idOf(r))).get(0);
        assertThat(received.key()).isEqualTo(caseId);
        assertThat(CloudEventHeaders.read(received.headers()).type()).isEqualTo("org.readmission.case.reply-deadline-set.v1");
        assertThat(received.value()).isEqualTo(deadlineSet.value());
    }

    @Test
    void theApplicationGoesOnlyToTheRequestedPartyAndInternalEventsToNobody() throws Exception {
        String caseId = newCaseId();
        ProducerRecord<String, byte[]> forwarded = caseEvent(ApplicationForwarded.newBuilder().setCaseRef(caseRef(caseId))
                .setOccurredAt(now()).setReceivedAt(now()).setApplication(Applications.familyOfThree("A-" + caseId).build()).build(), caseId);
        ProducerRecord<String, byte[]> registered = caseEvent(CaseRegistered.newBuilder().setCaseRef(caseRef(caseId)).setOccurredAt(now())
                .setProcedure(ProcedureType.NORMAL).setCategory(PersonCategory.OWN_NATIONAL).setPersonCount(3).setReceivedAt(now()).build(), caseId);
        producer.send(forwarded);
        producer.send(registered);

        String marker = sendMarkerAfter(caseId);
        germanNotifications.await(r -> marker.equals(idOf(r)), 1);
        azerbaijaniNotifications.await(r -> marker.equals(idOf(r)), 1);

        String forwardedId = CloudEventHeaders.read(forwarded.headers()).id();
        String registeredId = CloudEventHeaders.read(registered.headers()).id();
        assertThat(azerbaijaniNotifications.matching(r -> forwardedId.equals(idOf(r)))).hasSize(1);
        assertThat(germanNotifications.matching(r -> forwardedId.equals(idOf(r)))).isEmpty();
        assertThat(germanNotifications.matching(r -> registeredId.equals(idOf(r)))).isEmpty();
        assertThat(azerbaijaniNotifications.matching(r -> registeredId.equals(idOf(r)))).isEmpty();
    }

    @Test
    void aCorrectedPersonGoesOnlyToThePartyThatDidNotSendIt() {
        String caseId = newCaseId();
        ProducerRecord<String, byte[]> rectified = caseEvent(PersonalDataRectified.newBuilder().setCaseRef(caseRef(caseId))
                .setOccurredAt(now()).setCorrectedBy(caseRef(caseId).getRequestingParty())
                .setPerson(Applications.familyOfThree("A-" + caseId).build().getPersons().get(0))
                .setCorrectedFields(java.util.List.of("name")).setCorrectionId("correction-1").build(), caseId);
        producer.send(rectified);

        String marker = sendMarkerAfter(caseId);
        germanNotifications.await(r -> marker.equals(idOf(r)), 1);
        azerbaijaniNotifications.await(r -> marker.equals(idOf(r)), 1);

        String rectifiedId = CloudEventHeaders.read(rectified.headers()).id();
        assertThat(azerbaijaniNotifications.matching(r -> rectifiedId.equals(idOf(r)))).hasSize(1);
        assertThat(germanNotifications.matching(r -> rectifiedId.equals(idOf(r)))).isEmpty();
    }

    @Test
    void anUndecodableCaseEventGoesToTheDeadLetterTopicAndTheNextIsForwarded() {
        String caseId = newCaseId();
        producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, "not avro".getBytes(StandardCharsets.UTF_8)));
        String marker = sendMarkerAfter(caseId);

        ConsumerRecord<String, byte[]> dead = caseEventDeadLetters.await(r -> caseId.equals(r.key()), 1).get(0);
        assertThat(CloudEventHeaders.header(dead.headers(), "dlt-reason-code")).isEqualTo("NOT_SINGLE_OBJECT_ENCODED");
        germanNotifications.await(r -> marker.equals(idOf(r)), 1);
    }

    /** A second event of the same case (same key, same partition): once it is forwarded, the first was handled. */
    String sendMarkerAfter(String caseId) {
        ProducerRecord<String, byte[]> marker = caseEvent(replyDeadlineSet(caseId), caseId);
        producer.send(marker);
        producer.flush();
        return CloudEventHeaders.read(marker.headers()).id();
    }

    ProducerRecord<String, byte[]> caseEvent(SpecificRecord event, String caseId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CASE_EVENTS, caseId, codec.encode(event));
        CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(catalog.of(event.getClass()), UUID.randomUUID().toString(),
                "case-workflow", caseId, Instant.now()));
        return record;
    }

    static ReplyDeadlineSet replyDeadlineSet(String caseId) {
        return ReplyDeadlineSet.newBuilder().setCaseRef(caseRef(caseId)).setOccurredAt(now())
                .setDeadline(Deadline.newBuilder().setKind(DeadlineKind.REPLY).setStartsAt(now()).setDueAt(now().plus(15, ChronoUnit.DAYS))
                        .setRule("15 calendar days from confirmed receipt").setCalendar("AZ").setProfileId("eu-az/1")
                        .setSource("practice reported by the Dutch return service").setConfidence("medium").build())
                .build();
    }

    static CaseRef caseRef(String caseId) {
        return CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build()).setApplicationId("A-" + caseId)
                .setRequestingParty(Applications.party("DE-BPOL")).setRequestedParty(Applications.party("AZ-SMS")).build();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static String newCaseId() {
        return "RC-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static String idOf(ConsumerRecord<String, byte[]> record) {
        return CloudEventHeaders.read(record.headers()).id();
    }
}
