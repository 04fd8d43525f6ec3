package org.readmission.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.readmission.events.partner.ReadmissionApplicationSubmitted;
import org.readmission.events.partner.ReasonCode;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.gateway.inbound.InboundRecord;
import org.readmission.gateway.submission.IntakeOutcome;
import org.readmission.gateway.submission.Submission;
import org.readmission.gateway.submission.SubmissionIntake;
import org.readmission.testing.MongoWireTestServer;
import org.readmission.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One poll's batch through {@link SubmissionIntake#receiveAll} on an embedded broker and the Mongo-wire store: per-record
 * outcomes in batch order, a bad record that leaves the others alone, a whole batch delivered again that changes
 * nothing (its stored messages are published again under the same ce_ids), duplicates and conflicts settled by the
 * store's unique keys, and no read of the store before a batch of new records is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class SubmissionBatchIntegrationTest {

    private static final String DE_BPOL = "DE-BPOL";
    /** Positions far beyond anything the running listener reads (nothing is produced to the topic in this test). */
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        GatewayTokens.trust(registry);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("partner_gateway_batches"));
    }

    /** Counts the {@code find} commands sent to the {@code submissions} collection. */
    static final AtomicInteger SUBMISSION_FINDS = new AtomicInteger();

    @TestConfiguration
    static class CountingFinds {
        @Bean
        MongoClientSettingsBuilderCustomizer countSubmissionFinds() {
            CommandListener listener = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if ("find".equals(event.getCommandName()) && event.getCommand().containsKey("find")
                            && "submissions".equals(event.getCommand().getString("find").getValue())) {
                        SUBMISSION_FINDS.incrementAndGet();
                    }
                }
            };
            return settings -> settings.addCommandListener(listener);
        }
    }

    @Autowired
    SubmissionIntake intake;
    @Autowired
    AvroCodec codec;
    @Autowired
    EventCatalog catalog;
    @Autowired
    MongoTemplate mongo;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    TopicReader germanNotifications;

    @BeforeEach
    void connect() {
        germanNotifications = new TopicReader(bootstrapServers, Topics.partnerNotifications(DE_BPOL));
    }

    @AfterEach
    void disconnect() {
        germanNotifications.close();
    }

    @Test
    void aBatchKeepsPerRecordOutcomesAndABadRecordLeavesTheOthersAlone() {
        List<InboundRecord> batch = List.of(application(), application(), garbage(), application(), application());

        List<IntakeOutcome> outcomes = intake.receiveAll(batch);

        assertThat(outcomes).hasSize(5);
        for (int i : List.of(0, 1, 3, 4)) {
            assertThat(outcomes.get(i)).isInstanceOf(IntakeOutcome.Accepted.class);
            assertThat(outcomes.get(i).submissionKey()).isEqualTo(batch.get(i).dedupKey());
        }
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(IntakeOutcome.Rejected.class, rejected -> {
            assertThat(rejected.submissionKey()).isEqualTo(batch.get(2).dedupKey());
            assertThat(rejected.deadLettered()).isTrue();
            assertThat(rejected.violations()).extracting(v -> v.code()).containsExactly(ReasonCode.UNDECODABLE_PAYLOAD);
        });
        assertThat(storedCount(batch)).isEqualTo(5);
        for (int i : List.of(0, 1, 3, 4)) {
            awaitAcknowledgements(batch.get(i), 1);
        }
    }

    @Test
    void aBatchOfNewRecordsIsWrittenWithoutReadingTheStoreFirst() {
        List<InboundRecord> batch = List.of(application(), garbage(), application());
        SUBMISSION_FINDS.set(0);

        List<IntakeOutcome> outcomes = intake.receiveAll(batch);

        assertThat(SUBMISSION_FINDS.get()).isZero();
        assertThat(outcomes).extracting(o -> o.getClass().getSimpleName()).containsExactly("Accepted", "Rejected", "Accepted");
    }

    @Test
    void theSameBatchDeliveredAgainChangesNothingAndRepublishesTheStoredMessagesUnderTheSameIds() {
        List<InboundRecord> batch = List.of(application(), garbage(), application());
        List<IntakeOutcome> first = intake.receiveAll(batch);
        List<Submission> storedBefore = stored(batch);
        List<String> ackIds = new ArrayList<>();
        for (InboundRecord in : List.of(batch.get(0), batch.get(2))) {
            ackIds.add(CloudEventHeaders.read(awaitAcknowledgements(in, 1).get(0).headers()).id());
        }

        List<IntakeOutcome> again = intake.receiveAll(batch); // same records, same positions: a stop before the commit

        assertThat(first).extracting(o -> o.getClass().getSimpleName()).containsExactly("Accepted", "Rejected", "Accepted");
        assertThat(again).allSatisfy(o -> assertThat(o).isInstanceOf(IntakeOutcome.Duplicate.class));
        assertThat(again).extracting(IntakeOutcome::submissionKey).containsExactlyElementsOf(batch.stream().map(InboundRecord::dedupKey).toList());
        assertThat(stored(batch)).usingRecursiveComparison().isEqualTo(storedBefore);
        for (int i = 0; i < 2; i++) {
            List<ConsumerRecord<String, byte[]>> acks = awaitAcknowledgements(List.of(batch.get(0), batch.get(2)).get(i), 2);
            assertThat(acks).extracting(r -> CloudEventHeaders.read(r.headers()).id()).containsOnly(ackIds.get(i));
        }
    }

    @Test
    void theStoresUniqueKeysSettleDuplicatesAndConflictsWithinAndAcrossBatches() {
        String applicationId = uniqueApplicationId();
        ReadmissionApplicationSubmitted original = Applications.familyOfThree(applicationId).build();
        InboundRecord first = inbound(codec.encode(original), UUID.randomUUID().toString());
        InboundRecord sameRecordLaterInTheBatch = at(first, OFFSETS.incrementAndGet());

        List<IntakeOutcome> firstBatch = intake.receiveAll(List.of(first, sameRecordLaterInTheBatch));

        assertThat(firstBatch.get(0)).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(firstBatch.get(1)).isInstanceOf(IntakeOutcome.Duplicate.class);

        InboundRecord sameRecordAtANewPosition = at(first, OFFSETS.incrementAndGet());
        InboundRecord sameContentUnderANewId = inbound(codec.encode(original), UUID.randomUUID().toString());
        InboundRecord otherContentUnderTheSameApplicationId = inbound(codec.encode(
                Applications.familyOfThree(applicationId).setRemarks("corrected").build()), UUID.randomUUID().toString());
        InboundRecord unrelated = application();

        List<IntakeOutcome> secondBatch = intake.receiveAll(List.of(sameRecordAtANewPosition, sameContentUnderANewId,
                otherContentUnderTheSameApplicationId, unrelated));

        assertThat(secondBatch.get(0)).isInstanceOf(IntakeOutcome.Duplicate.class);
        assertThat(secondBatch.get(1)).isInstanceOf(IntakeOutcome.Duplicate.class);
        assertThat(secondBatch.get(2)).isInstanceOfSatisfying(IntakeOutcome.Rejected.class, rejected ->
                assertThat(rejected.violations()).extracting(v -> v.code()).containsExactly(ReasonCode.CONFLICTING_DUPLICATE));
        assertThat(secondBatch.get(3)).isInstanceOf(IntakeOutcome.Accepted.class);
        assertThat(stored(List.of(first)).get(0).kafkaPosition()).isEqualTo(first.kafkaPosition());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    InboundRecord application() {
        return inbound(codec.encode(Applications.familyOfThree(uniqueApplicationId()).build()), UUID.randomUUID().toString());
    }

    InboundRecord garbage() {
        return inbound("{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
    }

    InboundRecord inbound(byte[] value, String ceId) {
        CloudEventAttributes attributes = CloudEventAttributes.of(catalog.of(ReadmissionApplicationSubmitted.class), ceId, DE_BPOL,
                null, Instant.now());
        return new InboundRecord(Topics.PARTNER_SUBMISSIONS, 0, OFFSETS.incrementAndGet(), "key", value, List.of(), attributes);
    }

    static InboundRecord at(InboundRecord in, long offset) {
        return new InboundRecord(in.topic(), in.partition(), offset, in.key(), in.value(), in.headers(), in.attributes());
    }

    static String uniqueApplicationId() {
        return "DE-BPOL-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long storedCount(List<InboundRecord> batch) {
        return mongo.count(Query.query(Criteria.where("_id").in(batch.stream().map(InboundRecord::dedupKey).toList())), Submission.class);
    }

    List<Submission> stored(List<InboundRecord> batch) {
        return batch.stream().map(in -> mongo.findById(in.dedupKey(), Submission.class)).toList();
    }

    List<ConsumerRecord<String, byte[]>> awaitAcknowledgements(InboundRecord in, int count) {
        return germanNotifications.await(r -> decode(r) instanceof SubmissionAcknowledged ack
                && in.attributes().id().equals(ack.getSubmissionId()), count);
    }

    SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (org.readmission.events.UndecodableEventException e) {
            throw new AssertionError("the gateway published an undecodable record", e);
        }
    }
}
