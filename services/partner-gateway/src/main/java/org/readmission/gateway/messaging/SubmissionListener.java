package org.readmission.gateway.messaging;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.gateway.submission.IntakeOutcome;
import org.readmission.gateway.submission.SubmissionIntake;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the submission topics as raw bytes, so that no record can fail before it is judged: the shared
 * {@code readmission.partner-submissions} and each party's own {@code readmission.partner-submissions.<party>}
 * ({@link org.readmission.gateway.inbound.SubmissionTopics}, never the {@code .dlt} topics).
 */
@Component
class SubmissionListener {

    private final SubmissionIntake intake;
    private final MeterRegistry meters;

    private final Timer batchDuration;

    SubmissionListener(SubmissionIntake intake, MeterRegistry meters) {
        this.intake = intake;
        this.meters = meters;
        this.batchDuration = Timer.builder("readmission.gateway.batch.duration")
                .description("decide, store and publish one poll of submissions")
                .publishPercentiles(0.5, 0.9, 0.99).register(meters);
    }

    /** One poll at a time: decided in memory, stored in one bulk write, relayed together. */
    @KafkaListener(id = "partner-submissions", idIsGroup = false, topics = "#{@submissionTopics.consumed()}", batch = "true",
            concurrency = "${readmission.gateway.consumer-concurrency:2}")
    void onSubmissions(List<ConsumerRecord<String, byte[]>> records) {
        Timer.Sample started = Timer.start(meters);
        List<IntakeOutcome> outcomes = intake.receiveAll(records.stream().map(InboundRecords::of).toList());
        started.stop(batchDuration);
        outcomes.forEach(outcome -> meters.counter("readmission.gateway.submissions", "outcome", outcomeName(outcome)).increment());
    }

    private static String outcomeName(IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Rejected rejected) {
            return rejected.deadLettered() ? "dead_lettered" : "rejected";
        }
        return outcome instanceof IntakeOutcome.Accepted ? "accepted" : "duplicate";
    }
}
