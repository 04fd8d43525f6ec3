package org.readmission.simulator.provider;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.WakeupException;
import org.readmission.events.CloudEventAttributes;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.Topics;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.ReintegrationProgressReported;
import org.readmission.events.partner.ReintegrationReferralOffered;
import org.readmission.events.partner.ReintegrationStage;
import org.readmission.simulator.kafka.KafkaRefusal;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * A reintegration provider at work: reads its notification topic as consumer group
 * {@code partner-simulator.provider.<party>} (secure run: as the party itself, group {@code <party>.simulator}, the
 * only groups its ACLs allow being {@code <party>} and {@code <party>.*}) (so a restart goes on where it stopped), answers each
 * {@code ReintegrationReferralOffered} on {@code reintegration.updates}, and commits the offsets only once every
 * answer of the batch is acknowledged by the broker. Prints one line per offer and per answer: ids and stages only.
 */
public final class ProviderLoop {

    /** What the provider did in a run. */
    public record Result(long offers, long accepted, long declined, long reports, long withdrawals) {
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaSettings kafka;
    private final String party;
    private final ProviderBehaviour behaviour;
    private final PrintStream out;
    private final ProviderReports reports;

    public ProviderLoop(KafkaSettings kafka, String party, ProviderBehaviour behaviour, PrintStream out) {
        this.kafka = kafka;
        this.party = party;
        this.behaviour = behaviour;
        this.out = out;
        this.reports = new ProviderReports(party);
    }

    public static String groupOf(String party) {
        return "partner-simulator.provider." + party.toLowerCase(Locale.ROOT);
    }

    /** The consumer group of a secure run: a party may use only {@code <party>} and {@code <party>.*}. */
    public static String secureGroupOf(String party) {
        return party.toLowerCase(Locale.ROOT) + ".simulator";
    }

    /** The group this run uses. */
    String group() {
        return kafka.secure() ? secureGroupOf(party) : groupOf(party);
    }

    /** Runs until {@code duration} has passed (null: no limit) or {@code stop} says so. */
    public Result run(Duration duration, BooleanSupplier stop) {
        long offers = 0;
        long accepted = 0;
        long declined = 0;
        long sent = 0;
        long withdrawals = 0;
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        String topic = Topics.partnerNotifications(party);
        String group = group();
        // open mode: anonymous clients, as before; secure run: both authenticated as the provider itself
        String as = kafka.secure() ? party : null;
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(as, "partner-simulator-provider-" + party, group);
             KafkaProducer<String, byte[]> producer = kafka.producer(as, "partner-simulator-provider-" + party, 0)) {
            consumer.subscribe(List.of(topic));
            out.println("Provider " + party + " reads " + topic + " (group " + group + ") and reports on "
                    + Topics.REINTEGRATION_UPDATES + describe());
            if (kafka.secure()) {
                out.println("Kafka " + kafka.security().describe());
            }
            while (!stop.getAsBoolean() && System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> batch = poll(consumer, topic, group);
                List<Future<RecordMetadata>> pending = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    SpecificRecord event = decode(record);
                    CloudEventAttributes attributes = CloudEventHeaders.read(record.headers());
                    if (event instanceof ReintegrationReferralOffered) {
                        ReintegrationReferralOffered offer = (ReintegrationReferralOffered) event;
                        offers++;
                        List<ReintegrationStage> stages = behaviour.answerTo(offers);
                        if (stages.get(0) == ReintegrationStage.DECLINED) {
                            declined++;
                        } else {
                            accepted++;
                        }
                        out.printf(Locale.ROOT, "offer   case %s person %s referral %s priority %s%n",
                                offer.getCaseRef().getCaseId().getValue(), offer.getPersonId(), offer.getReferralId(),
                                offer.getPriority() == null ? "-" : offer.getPriority());
                        for (ProducerRecord<String, byte[]> answer : reports.answer(offer, attributes.id(), stages, Instant.now())) {
                            pending.add(producer.send(answer));
                            sent++;
                        }
                        out.printf(Locale.ROOT, "answer  case %s person %s -> %s%n", offer.getCaseRef().getCaseId().getValue(),
                                offer.getPersonId(), stages.stream().map(Enum::name).collect(Collectors.joining(", ")));
                    } else if (event instanceof ReintegrationProgressReported
                            && ((ReintegrationProgressReported) event).getStage() == ReintegrationStage.CONSENT_WITHDRAWN) {
                        ReintegrationProgressReported told = (ReintegrationProgressReported) event;
                        withdrawals++;
                        out.printf(Locale.ROOT, "stop    case %s person %s: consent withdrawn, support stopped and data erased%n",
                                told.getCaseRef().getCaseId().getValue(), told.getPersonId());
                    }
                }
                if (!batch.isEmpty()) {
                    awaitAcknowledged(pending);
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stopped from outside
        }
        return new Result(offers, accepted, declined, sent, withdrawals);
    }

    /** Polls; a refusal by the broker becomes a message naming the provider, its topic or group ({@link KafkaRefusal}). */
    private ConsumerRecords<String, byte[]> poll(KafkaConsumer<String, byte[]> consumer, String topic, String group) {
        try {
            return consumer.poll(POLL);
        } catch (GroupAuthorizationException e) {
            throw KafkaRefusal.explain(e, kafka.security(), party, "use", "consumer group " + group);
        } catch (RuntimeException e) {
            throw KafkaRefusal.explain(e, kafka.security(), party, "read", topic);
        }
    }

    private String describe() {
        return (behaviour.declineEvery() > 0 ? ", declining every " + behaviour.declineEvery() + ". offer" : "")
                + (behaviour.followUps() ? ", with follow-ups and closure" : "");
    }

    private SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try {
            return reports.codec().decode(record.value());
        } catch (UndecodableEventException e) {
            out.printf(Locale.ROOT, "skip    %s-%d@%d: not a readable event (%s)%n", record.topic(), record.partition(),
                    record.offset(), e.problem());
            return null;
        }
    }

    private void awaitAcknowledged(List<Future<RecordMetadata>> pending) {
        for (Future<RecordMetadata> future : pending) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reporting; the offers will be answered again (same ce_ids)", e);
            } catch (ExecutionException | TimeoutException e) {
                KafkaRefusal.of(e, kafka.security(), party, "write", Topics.REINTEGRATION_UPDATES).ifPresent(refusal -> {
                    throw refusal;
                });
                throw new IllegalStateException("a report could not be sent to " + Topics.REINTEGRATION_UPDATES + ": " + e
                        + "; the offers were not committed and will be answered again (same ce_ids) on the next start", e);
            }
        }
    }
}
