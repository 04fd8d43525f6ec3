package org.readmission.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readmission.events.Topics;
import org.readmission.simulator.bench.BenchCommand;
import org.readmission.simulator.generator.Parties;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.simulate.Simulation;
import org.readmission.simulator.simulate.SimulationPlan;
import org.readmission.simulator.simulate.SimulationResult;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The simulator against a real (embedded KRaft) broker and a fake gateway: its sending, its reading of the
 * notification and dead-letter topics from the offsets noted before sending, its matching by ce_id and its summary.
 * This tests the simulator, not the gateway.
 */
class SimulatorAgainstBrokerTest {

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaSettings kafka;

    @BeforeAll
    static void startBroker() {
        List<String> topics = new ArrayList<>(List.of(Topics.PARTNER_SUBMISSIONS, Topics.dlt(Topics.PARTNER_SUBMISSIONS)));
        Parties.ALL.forEach(party -> topics.add(Topics.partnerNotifications(party)));
        broker = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
        broker.brokerProperty("listeners", "EXTERNAL://127.0.0.1:0,CONTROLLER://127.0.0.1:0");
        broker.afterPropertiesSet();
        // the testkit names the listener's host "localhost"; it is bound to 127.0.0.1 only
        kafka = new KafkaSettings(broker.getBrokersAsString().replace("localhost", "127.0.0.1"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void everyValidSubmissionIsAnsweredAndMatchedByItsCeId() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SimulationPlan plan = SimulationPlan.of(3, "VALID1", Instant.now(), 12, false);
        SimulationResult result;
        try (FakeGateway gateway = new FakeGateway(kafka.bootstrapServers(), true)) {
            result = simulation(output).run(plan);
        }

        assertThat(result.recordsSent()).isEqualTo(12);
        assertThat(result.submissions()).isEqualTo(12);
        assertThat(result.answered()).isEqualTo(result.submissions());
        assertThat(result.acknowledged()).isEqualTo(12);
        assertThat(result.unanswered()).isZero();
        assertThat(result.mismatches()).isZero();
        assertThat(result.exitCode()).isZero();
        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.println(printed); // in target/surefire-reports/*-output.txt
        assertThat(printed.lines().filter(line -> line.contains("ACKNOWLEDGED case RC-"))).hasSize(12);
        assertThat(printed).contains("Result: OK");
    }

    @Test
    void invalidSubmissionsAreJudgedAgainstTheirExpectedReason() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SimulationPlan plan = SimulationPlan.of(4, "MIXED1", Instant.now(), 5, true);
        SimulationResult result;
        try (FakeGateway gateway = new FakeGateway(kafka.bootstrapServers(), true)) {
            result = simulation(output).run(plan);
        }

        // 5 valid + 10 single-rule violations + original, redelivery, conflict + JSON + unknown fingerprint
        assertThat(result.recordsSent()).isEqualTo(20);
        assertThat(result.submissions()).isEqualTo(19);
        assertThat(result.answered()).isEqualTo(result.submissions());
        assertThat(result.unanswered()).isZero();
        assertThat(result.answeredMoreThanOnce()).isZero();
        assertThat(result.deadLettered()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(2);
        // the fake gateway does not validate: the 10 rule violations and the conflict are acknowledged, so they mismatch
        assertThat(result.mismatches()).isEqualTo(11);
        assertThat(result.exitCode()).isEqualTo(1);
        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.println(printed); // in target/surefire-reports/*-output.txt
        assertThat(printed).contains("expected UNDECODABLE_PAYLOAD: ok", "expected UNKNOWN_SCHEMA: ok",
                "expected BIRTH_DATE_IN_FUTURE: MISMATCH", "Result: FAILED");
    }

    @Test
    void aSecondAnswerToTheSameCeIdIsCaught() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        SimulationPlan plan = SimulationPlan.of(5, "TWICE1", Instant.now(), 2, true);
        SimulationResult result;
        try (FakeGateway gateway = new FakeGateway(kafka.bootstrapServers(), false)) {
            result = simulation(output).run(plan);
        }

        assertThat(result.answeredMoreThanOnce()).isEqualTo(1);
        assertThat(result.unanswered()).isZero();
        assertThat(result.exitCode()).isEqualTo(1);
        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("ANSWERED AGAIN");
    }

    @Test
    void theBenchmarkRunsItsThreePhasesAndStopsByItself() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (FakeGateway gateway = new FakeGateway(kafka.bootstrapServers(), true);
             PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = BenchCommand.run(Options.parse(new String[] {"bench", "--bootstrap", kafka.bootstrapServers(),
                    "--count", "300", "--rate", "100", "--latency-seconds", "2", "--ack-timeout", "15s",
                    "--progress-every", "1s"}, "simulate"), out);
        }
        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.println(printed); // in target/surefire-reports/*-output.txt
        assertThat(exit).as(printed).isIn(0, 2); // complete; whether targets are met does not matter here
        assertThat(printed).contains("a) Throughput: 300 valid applications", "acknowledged 300, rejected 0, missing 0",
                "acknowledged 200, rejected 0, missing 0", "ack latency ms: p50", "read 300 records (300 decoded",
                "d) Targets", "java ");
    }

    private static Simulation simulation(ByteArrayOutputStream output) {
        return new Simulation(kafka, Duration.ofSeconds(15), Duration.ofMillis(700),
                new PrintStream(output, true, StandardCharsets.UTF_8));
    }
}
