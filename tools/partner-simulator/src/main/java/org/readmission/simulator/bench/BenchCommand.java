package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.readmission.events.Topics;
import org.readmission.simulator.Options;
import org.readmission.simulator.answers.AnswerBook;
import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.generator.Direction;
import org.readmission.simulator.generator.Submission;
import org.readmission.simulator.generator.SubmissionFactory;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.kafka.SubmissionSender;
import org.readmission.simulator.kafka.TopicTail;

/**
 * {@code bench}: load against a running gateway. (a) throughput of validated submissions, (b) acknowledgement
 * latency at a fixed offered rate, (c) a bare decode-only consumer over the same records as the baseline, (d) the
 * targets. Exit 0 when all targets are met, 2 when a target is missed, 1 when answers were missing or sends failed.
 */
public final class BenchCommand {

    public static final String USAGE = "bench [--bootstrap 127.0.0.1:9092] [--count 20000] [--rate 200]"
            + " [--latency-seconds 30] [--sender DE-BPOL] [--ack-timeout 120s] [--seed 1] [--progress-every 5s]";

    static final int TARGET_MISSED = 2;

    private final BenchOptions options;
    private final KafkaSettings kafka;
    private final PrintStream out;
    private final BenchReport report;

    BenchCommand(BenchOptions options, PrintStream out) {
        this.options = options;
        this.kafka = new KafkaSettings(options.bootstrap());
        this.out = out;
        this.report = new BenchReport(out);
    }

    public static int run(Options options, PrintStream out) throws InterruptedException {
        return new BenchCommand(BenchOptions.from(options), out).run();
    }

    int run() throws InterruptedException {
        kafka.requireReachable(Duration.ofSeconds(10));
        Instant now = Instant.now();
        String runTag = ApplicationGenerator.runTagOf(now);
        Direction direction = ApplicationGenerator.directionOf(options.sender());
        ApplicationGenerator generator = new ApplicationGenerator(options.seed(), runTag, now);
        SubmissionFactory factory = new SubmissionFactory(runTag);

        Map<TopicPartition, Long> before = endOffsets(Topics.PARTNER_SUBMISSIONS);
        report.header(MachineInfo.current(), options, direction.requesting() + " -> " + direction.requested(), before.size());
        long preparing = System.nanoTime();
        List<Submission> forThroughput = generate(generator, factory, direction, options.count());
        List<Submission> forLatency = generate(generator, factory, direction, options.latencyCount());
        out.printf("Prepared %d + %d applications (run %s) in %.1f s%n%n", forThroughput.size(), forLatency.size(), runTag,
                (System.nanoTime() - preparing) / 1e9);

        AnswerBook answers = new AnswerBook(factory.codec(), Topics.dlt(Topics.PARTNER_SUBMISSIONS));
        try (TopicTail tail = TopicTail.fromEnd(kafka, "partner-simulator-bench-answers-" + runTag,
                List.of(Topics.partnerNotifications(options.sender())))) {
            tail.start(answers::accept);

            AckTracker throughputAcks = new AckTracker();
            answers.onAnswer(throughputAcks);
            ThroughputPhase.Result throughput;
            try (SubmissionSender sender = new SubmissionSender(kafka, "partner-simulator-bench-" + runTag, 5)) {
                out.println("a) throughput phase running ...");
                throughput = new ThroughputPhase(sender, options.ackTimeout(), options.progressEvery(), out)
                        .run(forThroughput, throughputAcks);
            }
            Map<TopicPartition, Long> after = endOffsets(Topics.PARTNER_SUBMISSIONS);
            report.throughput(throughput);

            AckTracker latencyAcks = new AckTracker();
            answers.onAnswer(latencyAcks);
            LatencyPhase.Result latency;
            try (SubmissionSender sender = new SubmissionSender(kafka, "partner-simulator-bench-paced-" + runTag, 0)) {
                out.println("b) latency phase running ...");
                latency = new LatencyPhase(sender, options.ackTimeout(), options.progressEvery(), out)
                        .run(forLatency, options.rate(), latencyAcks);
            }
            report.latency(latency);

            out.println("c) bare consumer running ...");
            BareConsumerPhase.Result bare = new BareConsumerPhase(kafka, factory.codec(), options.ackTimeout(),
                    options.progressEvery(), out).run(before, after, "partner-simulator-bare-" + runTag);
            report.bare(bare);

            boolean met = report.targets(throughput, latency, bare);
            if (!throughput.complete() || !latency.complete() || !bare.complete()) {
                return 1;
            }
            return met ? 0 : TARGET_MISSED;
        }
    }

    private static List<Submission> generate(ApplicationGenerator generator, SubmissionFactory factory, Direction direction,
                                             int count) {
        List<Submission> submissions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            submissions.add(factory.valid(generator.next(direction)));
        }
        return submissions;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer("partner-simulator-offsets", null)) {
            List<TopicPartition> partitions = KafkaSettings.partitionsOf(consumer, List.of(topic));
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: start the gateway first (deploy/local/stack up)");
            }
            return consumer.endOffsets(partitions, Duration.ofSeconds(15));
        }
    }
}
