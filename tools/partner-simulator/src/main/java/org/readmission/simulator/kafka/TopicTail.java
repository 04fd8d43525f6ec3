package org.readmission.simulator.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads topics from the end offsets they had when the tail was created (so earlier runs' records are ignored),
 * on a thread of its own, handing every record to a handler. A topic that does not exist yet is picked up when it
 * appears, from its beginning (everything in it is new).
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> topics;
    private final Map<TopicPartition, Long> startOffsets;
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private Thread thread;

    private TopicTail(KafkaConsumer<String, byte[]> consumer, Collection<String> topics) {
        this.consumer = consumer;
        this.topics = Set.copyOf(topics);
        List<TopicPartition> partitions = KafkaSettings.partitionsOf(consumer, topics);
        this.startOffsets = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(15)));
        Set<String> present = new HashSet<>();
        partitions.forEach(p -> present.add(p.topic()));
        topics.stream().filter(t -> !present.contains(t)).forEach(missing::add);
        consumer.assign(partitions);
        startOffsets.forEach(consumer::seek);
    }

    /** Records the end offsets of the topics now, before anything is sent. */
    public static TopicTail fromEnd(KafkaSettings settings, String clientId, Collection<String> topics) {
        return new TopicTail(settings.consumer(clientId, null), topics);
    }

    /**
     * The same, read by {@code party}'s consumer (authenticated as that party in a secure run). In a secure run each
     * topic is first looked up on its own, so that a topic the party may not read is reported as refused
     * ({@link KafkaRefusal}) rather than waited for as if it did not exist yet.
     */
    public static TopicTail fromEnd(KafkaSettings settings, String party, String clientId, Collection<String> topics) {
        KafkaConsumer<String, byte[]> consumer = settings.consumer(party, clientId, null);
        try {
            if (settings.secure()) {
                for (String topic : topics) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(15));
                }
            }
            return new TopicTail(consumer, topics);
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(2));
            throw KafkaRefusal.explain(e, settings.security(), party, "read", String.join(", ", topics));
        }
    }

    /** Why the reading thread stopped early (e.g. the broker refused the consumer), or null. */
    public RuntimeException failure() {
        return failure;
    }

    public Map<TopicPartition, Long> startOffsets() {
        return Map.copyOf(startOffsets);
    }

    /** Topics that did not exist when the tail was created (and have not appeared since, if not started). */
    public Set<String> missingAtStart() {
        return Set.copyOf(missing);
    }

    /** Starts reading on a daemon thread; the handler is called on that thread. */
    public synchronized void start(Consumer<ConsumerRecord<String, byte[]>> handler) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(() -> run(handler), "topic-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<ConsumerRecord<String, byte[]>> handler) {
        long nextRefresh = System.nanoTime() + REFRESH.toNanos();
        try {
            while (running) {
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(100); // every topic is still missing
                } else {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> handle(handler, record));
                }
                if (!missing.isEmpty() && System.nanoTime() > nextRefresh) {
                    addAppearedTopics();
                    nextRefresh = System.nanoTime() + REFRESH.toNanos();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (org.apache.kafka.common.errors.AuthenticationException
                 | org.apache.kafka.common.errors.AuthorizationException e) {
            failure = e; // reported by the owner (failure()), not as a stack trace of this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private static void handle(Consumer<ConsumerRecord<String, byte[]>> handler, ConsumerRecord<String, byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            log.warn("handler failed on {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private void addAppearedTopics() {
        List<TopicPartition> appeared = KafkaSettings.partitionsOf(consumer, missing);
        if (appeared.isEmpty()) {
            return;
        }
        List<TopicPartition> assignment = new ArrayList<>(consumer.assignment());
        assignment.addAll(appeared);
        consumer.assign(assignment);
        consumer.seekToBeginning(appeared);
        appeared.forEach(p -> missing.remove(p.topic()));
    }

    public Set<String> topics() {
        return topics;
    }

    @Override
    public void close() {
        running = false;
        Thread reader;
        synchronized (this) {
            reader = thread;
        }
        if (reader == null) {
            consumer.close(Duration.ofSeconds(2));
            return;
        }
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
