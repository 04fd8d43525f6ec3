package org.readmission.simulator.cases;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.EventCatalog;
import org.readmission.events.EventIds;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.common.AnnexClass;
import org.readmission.events.common.CaseId;
import org.readmission.events.identity.IdentityVerificationCompleted;
import org.readmission.events.identity.IdentityVerificationRequested;
import org.readmission.events.identity.VerificationOutcome;
import org.readmission.events.partner.PersonOutcome;
import org.readmission.events.partner.ReadmissionDecided;
import org.readmission.events.partner.ReadmissionDecisionSubmitted;
import org.readmission.events.partner.ReadmissionDecisionType;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;
import org.readmission.simulator.bench.Progress;
import org.readmission.simulator.kafka.KafkaSettings;
import org.readmission.simulator.kafka.TopicTail;

/**
 * The automated path end to end over Kafka. Sends every application to {@code readmission.partner-submissions} at
 * once; plays the identity service (every {@code IdentityVerificationRequested} is answered CONFIRMED) and the
 * requested party (its {@code ReadmissionDecisionSubmitted}, APPROVED, right after the last verification result of the
 * case); and waits for {@code readmission-decided} of each case on {@code readmission.case-events}. Every record is
 * handled on the reading thread of one {@link TopicTail} that started at the topics' end offsets before the first send.
 */
public final class EndToEndPhase {

    static final String IDENTITY_SOURCE = "identity-verification";
    private static final EventCatalog CATALOG = EventCatalog.v1();

    private final KafkaSettings kafka;
    private final AvroCodec codec;
    private final String runTag;
    private final Duration timeout;
    private final Duration progressEvery;
    private final PrintStream out;

    public EndToEndPhase(KafkaSettings kafka, AvroCodec codec, String runTag, Duration timeout, Duration progressEvery,
                         PrintStream out) {
        this.kafka = kafka;
        this.codec = codec;
        this.runTag = runTag;
        this.timeout = timeout;
        this.progressEvery = progressEvery;
        this.out = out;
    }

    /** What happened to one case. */
    static final class Run {
        final CaseSpec spec;
        volatile long sentNanos;
        volatile String caseId;
        volatile String rejection;
        final Set<String> requested = ConcurrentHashMap.newKeySet();
        volatile long readyNanos;
        volatile boolean decisionSent;
        volatile String decisionAnswer;
        volatile long decidedNanos;

        Run(CaseSpec spec) {
            this.spec = spec;
        }

        String state() {
            if (decidedNanos != 0) {
                return "decided";
            }
            if (rejection != null) {
                return "application rejected: " + rejection;
            }
            if (caseId == null) {
                return "no acknowledgement";
            }
            if (readyNanos == 0) {
                return "case " + caseId + ": " + requested.size() + " of " + spec.personIds().size() + " verification requests seen";
            }
            return "case " + caseId + ": decision sent" + (decisionAnswer == null ? " (no answer from the gateway yet)"
                    : " (" + decisionAnswer + ")") + ", not decided";
        }
    }

    /** The result plus the cases that did not reach decided. */
    public record Result(CaseLatencies latencies, int acknowledged, int verificationResultsSent, int decisionsSent,
                         int sendFailures, List<String> missing) {
    }

    public Result run(List<CaseSpec> specs) throws InterruptedException {
        Map<String, Run> byApplication = new ConcurrentHashMap<>();
        Map<String, Run> bySubmissionId = new ConcurrentHashMap<>();
        List<Run> runs = new ArrayList<>();
        for (CaseSpec spec : specs) {
            Run run = new Run(spec);
            runs.add(run);
            byApplication.put(spec.applicationId(), run);
            bySubmissionId.put(spec.submission().ceId(), run);
        }
        String requester = specs.get(0).requestingParty();
        String decider = specs.get(0).requestedParty();
        Histogram toDecided = CaseLatencies.histogram();
        Histogram toReady = CaseLatencies.histogram();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger decided = new AtomicInteger();
        AtomicInteger resultsSent = new AtomicInteger();
        AtomicInteger decisionsSent = new AtomicInteger();
        AtomicInteger decisionsAcknowledged = new AtomicInteger();
        AtomicInteger sendFailures = new AtomicInteger();
        AtomicReference<String> firstSendFailure = new AtomicReference<>();
        AtomicLong lastDecided = new AtomicLong();

        List<String> topics = List.of(Topics.partnerNotifications(requester), Topics.partnerNotifications(decider),
                Topics.IDENTITY_VERIFICATION_REQUESTS, Topics.CASE_EVENTS);
        try (KafkaProducer<String, byte[]> producer = kafka.producer("partner-simulator-bench-cases-" + runTag, 0);
             TopicTail tail = TopicTail.fromEnd(kafka, "partner-simulator-bench-cases-tail-" + runTag, topics)) {
            org.apache.kafka.clients.producer.Callback onFailure = (metadata, exception) -> {
                if (exception != null) {
                    sendFailures.incrementAndGet();
                    firstSendFailure.compareAndSet(null, exception.toString());
                }
            };
            tail.start(record -> {
                SpecificRecord event = decode(record);
                long now = System.nanoTime();
                if (event instanceof SubmissionAcknowledged ack) {
                    Run run = bySubmissionId.get(ack.getSubmissionId());
                    if (run != null && run.caseId == null && ack.getCaseId() != null) {
                        run.caseId = ack.getCaseId().getValue();
                        acknowledged.incrementAndGet();
                    } else if (record.topic().equals(Topics.partnerNotifications(decider))
                            && byApplication.containsKey(ack.getApplicationId())) {
                        byApplication.get(ack.getApplicationId()).decisionAnswer = "acknowledged";
                        decisionsAcknowledged.incrementAndGet();
                    }
                } else if (event instanceof SubmissionRejected rejected) {
                    Run run = bySubmissionId.get(rejected.getSubmissionId());
                    String why = rejected.getReasons() + " " + rejected.getMessage();
                    if (run != null) {
                        run.rejection = why;
                    } else if (byApplication.containsKey(rejected.getApplicationId())) {
                        byApplication.get(rejected.getApplicationId()).decisionAnswer = "decision rejected: " + why;
                    }
                } else if (event instanceof IdentityVerificationRequested request) {
                    Run run = byApplication.get(request.getCaseRef().getApplicationId());
                    if (run == null || !run.requested.add(request.getPersonId())) {
                        return; // another run's case, or a republished request (same person) already answered
                    }
                    producer.send(verificationResult(request), onFailure);
                    resultsSent.incrementAndGet();
                    if (run.requested.size() == run.spec.personIds().size()) {
                        run.readyNanos = now;
                        CaseLatencies.record(toReady, run.sentNanos, now);
                        ready.incrementAndGet();
                        producer.send(decision(run, request.getCaseRef().getCaseId()), onFailure);
                        run.decisionSent = true;
                        decisionsSent.incrementAndGet();
                    }
                } else if (event instanceof ReadmissionDecided done && record.topic().equals(Topics.CASE_EVENTS)) {
                    Run run = byApplication.get(done.getCaseRef().getApplicationId());
                    if (run != null && run.decidedNanos == 0) {
                        run.decidedNanos = now;
                        CaseLatencies.record(toDecided, run.sentNanos, now);
                        lastDecided.accumulateAndGet(now, Math::max);
                        decided.incrementAndGet();
                    }
                }
            });

            out.printf("end to end: sending %d applications %s -> %s, then playing identity verification and %s ...%n",
                    runs.size(), requester, decider, decider);
            long first = System.nanoTime();
            try (Progress progress = new Progress(out, progressEvery, "e2e", () -> String.format(
                    "acknowledged %d, ready for verification %d (results sent %d), decisions sent %d (acknowledged %d),"
                            + " decided %d of %d", acknowledged.get(), ready.get(), resultsSent.get(), decisionsSent.get(),
                    decisionsAcknowledged.get(), decided.get(), runs.size()))) {
                for (Run run : runs) {
                    run.sentNanos = System.nanoTime();
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PARTNER_SUBMISSIONS,
                            run.spec.submission().key(), run.spec.submission().value());
                    CloudEventHeaders.write(record.headers(), run.spec.submission().attributes());
                    producer.send(record, onFailure);
                }
                producer.flush();
                long deadline = first + timeout.toNanos();
                while (decided.get() < runs.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            long last = lastDecided.get();
            double seconds = last == 0 ? 0 : (last - first) / 1e9;
            if (firstSendFailure.get() != null) {
                out.println("  first send failure: " + firstSendFailure.get());
            }
            List<String> missing = runs.stream().filter(r -> r.decidedNanos == 0)
                    .map(r -> r.spec.applicationId() + ": " + r.state()).toList();
            return new Result(new CaseLatencies("end to end", runs.size(), decided.get(), ready.get(), seconds, toDecided,
                    toReady), acknowledged.get(), resultsSent.get(), decisionsSent.get(), sendFailures.get(), missing);
        }
    }

    private SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return codec.decode(record.value());
        } catch (UndecodableEventException e) {
            return null;
        }
    }

    private ProducerRecord<String, byte[]> verificationResult(IdentityVerificationRequested request) {
        Instant now = Instant.now();
        IdentityVerificationCompleted result = IdentityVerificationCompleted.newBuilder()
                .setCaseRef(request.getCaseRef())
                .setOccurredAt(now)
                .setPersonId(request.getPersonId())
                .setOutcome(VerificationOutcome.CONFIRMED)
                .setReasons(List.of("passport number found in the civil registry (benchmark)"))
                .setEvidenceClass(AnnexClass.PROOF)
                .setFingerprintScoreBand(null)
                .setCompletedAt(now)
                .build();
        String caseId = request.getCaseRef().getCaseId().getValue();
        return record(Topics.IDENTITY_VERIFICATION_RESULTS, caseId, result, UUID.randomUUID().toString(), IDENTITY_SOURCE,
                caseId, now);
    }

    private ProducerRecord<String, byte[]> decision(Run run, CaseId caseId) {
        Instant now = Instant.now();
        List<PersonOutcome> outcomes = run.spec.personIds().stream()
                .map(id -> PersonOutcome.newBuilder().setPersonId(id).setApproved(true).setRefusalReasons(List.of()).build())
                .toList();
        ReadmissionDecisionSubmitted decision = ReadmissionDecisionSubmitted.newBuilder()
                .setCaseId(caseId)
                .setApplicationId(run.spec.applicationId())
                .setSentAt(now)
                .setDecision(ReadmissionDecisionType.APPROVED)
                .setPersonOutcomes(outcomes)
                .setMotivation("Identity and nationality of every person confirmed by the civil registry.")
                .setDecidedAt(now)
                .build();
        String ceId = EventIds.deterministic("partner-simulator", runTag, "decision", run.spec.applicationId());
        return record(Topics.PARTNER_SUBMISSIONS, run.spec.applicationId(), decision, ceId, run.spec.requestedParty(), null, now);
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord value, String ceId, String source,
                                                  String subject, Instant time) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, codec.encode(value));
        CloudEventHeaders.write(record.headers(),
                CloudEventAttributes.of(CATALOG.of(value.getClass()), ceId, source, subject, time));
        return record;
    }
}
