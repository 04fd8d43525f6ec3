package org.readmission.simulator.answers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.readmission.events.AvroCodec;
import org.readmission.events.CloudEventHeaders;
import org.readmission.events.UndecodableEventException;
import org.readmission.events.partner.SubmissionAcknowledged;
import org.readmission.events.partner.SubmissionRejected;

/**
 * Collects what comes back: acknowledgements and rejections from notification topics (matched to submissions by
 * {@code submissionId} = the submission's ce_id) and copies on the dead-letter topic (matched by their ce_id header).
 * Fed by a {@link org.readmission.simulator.kafka.TopicTail}'s thread; read and awaited from others.
 */
public final class AnswerBook {

    /** Header the gateway puts on dead-lettered copies. */
    public static final String DLT_REASON_CODE = "dlt-reason-code";

    private final AvroCodec codec;
    private final String deadLetterTopic;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, DeadLetter> deadLetters = new ConcurrentHashMap<>();
    private final List<Consumer<Answer>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger otherNotifications = new AtomicInteger();
    private final AtomicInteger unreadable = new AtomicInteger();
    private final Object changed = new Object();

    public AnswerBook(AvroCodec codec, String deadLetterTopic) {
        this.codec = codec;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** Called for every record read from a notification topic or the dead-letter topic. */
    public void accept(ConsumerRecord<String, byte[]> record) {
        long nanos = System.nanoTime();
        Instant now = Instant.now();
        if (record.topic().equals(deadLetterTopic)) {
            String ceId = CloudEventHeaders.header(record.headers(), CloudEventHeaders.ID);
            if (ceId != null) {
                deadLetters.putIfAbsent(ceId, new DeadLetter(ceId, CloudEventHeaders.header(record.headers(), CloudEventHeaders.SOURCE),
                        CloudEventHeaders.header(record.headers(), DLT_REASON_CODE), now));
            }
        } else {
            Answer answer = toAnswer(record, now, nanos);
            if (answer == null) {
                return;
            }
            answers.computeIfAbsent(answer.submissionId(), id -> new CopyOnWriteArrayList<>()).add(answer);
            listeners.forEach(listener -> listener.accept(answer));
        }
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    private Answer toAnswer(ConsumerRecord<String, byte[]> record, Instant now, long nanos) {
        SpecificRecord event;
        try {
            event = codec.decode(record.value());
        } catch (UndecodableEventException e) {
            unreadable.incrementAndGet();
            return null;
        }
        if (event instanceof SubmissionAcknowledged ack) {
            return new Answer(ack.getSubmissionId(), Answer.Kind.ACKNOWLEDGED, ack.getApplicationId(),
                    ack.getCaseId() == null ? null : ack.getCaseId().getValue(), List.of(), null, record.topic(), now, nanos);
        }
        if (event instanceof SubmissionRejected rejected) {
            return new Answer(rejected.getSubmissionId(), Answer.Kind.REJECTED, rejected.getApplicationId(), null,
                    List.copyOf(rejected.getReasons()), rejected.getMessage(), record.topic(), now, nanos);
        }
        otherNotifications.incrementAndGet();
        return null;
    }

    /** Called on the reading thread for every answer as it arrives. */
    public void onAnswer(Consumer<Answer> listener) {
        listeners.add(listener);
    }

    public List<Answer> answersTo(String ceId) {
        List<Answer> found = answers.get(ceId);
        return found == null ? List.of() : new ArrayList<>(found);
    }

    public Optional<DeadLetter> deadLetterOf(String ceId) {
        return Optional.ofNullable(deadLetters.get(ceId));
    }

    /** Notifications of other kinds (e.g. case events) seen on the notification topics. */
    public int otherNotifications() {
        return otherNotifications.get();
    }

    public int unreadable() {
        return unreadable.get();
    }

    /** Waits until the condition holds (re-checked whenever something arrives, and at least every 200 ms) or the deadline passes. */
    public boolean awaitUntil(BooleanSupplier condition, Instant deadline) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            long left = deadline.toEpochMilli() - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            synchronized (changed) {
                changed.wait(Math.min(left, 200));
            }
        }
        return true;
    }
}
