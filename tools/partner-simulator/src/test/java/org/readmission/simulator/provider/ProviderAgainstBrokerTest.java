package org.readmission.simulator.provider;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.common.CaseId;
import org.readmission.events.common.CaseRef;
import org.readmission.events.common.PartyCode;
import org.readmission.events.partner.ReintegrationPriority;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.simulator.kafka.KafkaSettings;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The provider against a real (embedded KRaft) broker: offers in on its notification topic, reports out on
 * reintegration.updates with the headers and key the reintegration service checks. This tests the simulator, not
 * the reintegration service.
 */
class ProviderAgainstBrokerTest {

    private static final String PROVIDER = "IOM-AZ";
    private static final EventCatalog CATALOG = EventCatalog.v1();
    private static final AvroCodec CODEC = new AvroCodec(CATALOG);

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaSettings kafka;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, Topics.partnerNotifications(PROVIDER), Topics.REINTEGRATION_UPDATES);
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        kafka = new KafkaSettings(broker.getBrokersAsString().replace("localhost", "127.0.0.1"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void answersEachOfferAsItselfKeyedByCaseAndDeclinesEveryThird() {
        List<ReintegrationReferralOffered> offers = new ArrayList<>();
        List<String> offerIds = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = kafka.producer("test-reintegration-service", 0)) {
            for (int i = 1; i <= 4; i++) {
                ReintegrationReferralOffered offer = offer("RC-PROVIDER00" + i, "p" + i);
                String ceId = EventIds.deterministic("RC-PROVIDER00" + i + "/p" + i, "referral-offered", "1");
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.partnerNotifications(PROVIDER),
                        offer.getCaseRef().getCaseId().getValue(), CODEC.encode(offer));
                CloudEventHeaders.write(record.headers(), CloudEventAttributes.of(CATALOG.of(ReintegrationReferralOffered.class),
                        ceId, "reintegration", offer.getCaseRef().getCaseId().getValue(), Instant.now()));
                producer.send(record);
                offers.add(offer);
                offerIds.add(ceId);
            }
            producer.flush();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<ProviderLoop.Result> running = CompletableFuture.supplyAsync(() -> new ProviderLoop(kafka, PROVIDER,
                new ProviderBehaviour(3, false), new PrintStream(printed, true, UTF_8)).run(null, stop::get));

        List<ConsumerRecord<String, byte[]>> reports = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("test-reader", null)) {
            consumer.assign(KafkaSettings.partitionsOf(consumer, List.of(Topics.REINTEGRATION_UPDATES)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(reports::add);
                return reports.size() >= 7;
            });
        }
        stop.set(true);
        ProviderLoop.Result result = running.join();

        assertThat(result.offers()).isEqualTo(4);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.declined()).isEqualTo(1);
        assertThat(reports).hasSize(7);
        // the offers sit on three partitions, so "every third" counts them in the order the provider read them
        String output = printed.toString(UTF_8);
        List<String> answers = output.lines().filter(line -> line.startsWith("answer ")).toList();
        assertThat(answers).hasSize(4);
        assertThat(answers.get(2)).endsWith("-> DECLINED");
        assertThat(List.of(answers.get(0), answers.get(1), answers.get(3))).allMatch(line -> line.endsWith("-> ACCEPTED, SUPPORT_PLAN_AGREED"));
        for (int i = 0; i < offers.size(); i++) {
            ReintegrationReferralOffered offer = offers.get(i);
            String caseId = offer.getCaseRef().getCaseId().getValue();
            boolean declined = answers.get(2).contains("case " + caseId + " ");
            List<ReintegrationStage> expected = declined ? List.of(ReintegrationStage.DECLINED)
                    : List.of(ReintegrationStage.ACCEPTED, ReintegrationStage.SUPPORT_PLAN_AGREED);
            List<ConsumerRecord<String, byte[]>> ofCase = reports.stream().filter(r -> caseId.equals(r.key())).toList();
            assertThat(ofCase).as("reports of %s, in order", caseId).hasSize(expected.size());
            for (int k = 0; k < expected.size(); k++) {
                ConsumerRecord<String, byte[]> record = ofCase.get(k);
                CloudEventAttributes headers = CloudEventHeaders.read(record.headers());
                ReintegrationProgressReported report = (ReintegrationProgressReported) decode(record.value());
                assertThat(report.getStage()).isEqualTo(expected.get(k));
                assertThat(report.getProviderParty().getValue()).isEqualTo(PROVIDER);
                assertThat(report.getPersonId()).isEqualTo(offer.getPersonId());
                assertThat(report.getCaseRef()).isEqualTo(offer.getCaseRef());
                assertThat(headers.source()).isEqualTo(PROVIDER);
                assertThat(headers.type()).isEqualTo("org.readmission.reintegration.progress-reported.v1");
                assertThat(headers.subject()).isEqualTo(caseId);
                assertThat(headers.specVersion()).isEqualTo("1.0");
                assertThat(headers.contentType()).isEqualTo("application/avro");
                assertThat(headers.dataSchema()).isEqualTo(CATALOG.of(ReintegrationProgressReported.class).dataSchema());
                assertThat(headers.id()).isEqualTo(EventIds.deterministic(offerIds.get(i), expected.get(k).name()));
            }
        }
        assertThat(output.lines().filter(line -> line.startsWith("offer "))).hasSize(4);
    }

    private static Object decode(byte[] bytes) {
        try {
            return CODEC.decode(bytes);
        } catch (Exception e) {
            throw new AssertionError("a report does not decode", e);
        }
    }

    private static ReintegrationReferralOffered offer(String caseId, String personId) {
        return ReintegrationReferralOffered.newBuilder()
                .setCaseRef(CaseRef.newBuilder().setCaseId(CaseId.newBuilder().setValue(caseId).build())
                        .setApplicationId("DE-BPOL-2026-T-1")
                        .setRequestingParty(PartyCode.newBuilder().setValue("DE-BPOL").build())
                        .setRequestedParty(PartyCode.newBuilder().setValue("AZ-SMS").build()).build())
                .setOccurredAt(Instant.now())
                .setReferralId(caseId + "/" + personId)
                .setPersonId(personId)
                .setProviderParty(PartyCode.newBuilder().setValue(PROVIDER).build())
                .setPriority(ReintegrationPriority.STANDARD)
                .build();
    }
}
