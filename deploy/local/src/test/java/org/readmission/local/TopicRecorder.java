package org.readmission.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.readmission.events.CloudEventHeaders;

/**
 * Records every record of some topics from their beginning, on a background thread, without a consumer group
 * (partitions assigned, nothing committed), so that a test can look at everything that was ever published.
 */
final class TopicRecorder implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Throwable failure;

    TopicRecorder(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "system-test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(20));
            if (infos == null || infos.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "topic-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } catch (Throwable e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** The records of {@code topic} with key {@code key}, in the order of their partition (a key has one). */
    List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        if (failure != null) {
            throw new IllegalStateException("the recorder stopped", failure);
        }
        return records.stream()
                .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .sorted(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    /** Every record of {@code topic}, in partition and offset order. */
    List<ConsumerRecord<String, byte[]>> records(String topic) {
        if (failure != null) {
            throw new IllegalStateException("the recorder stopped", failure);
        }
        return records.stream().filter(r -> r.topic().equals(topic))
                .sorted(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset))
                .toList();
    }

    static String ceId(ConsumerRecord<String, byte[]> record) {
        return CloudEventHeaders.header(record.headers(), CloudEventHeaders.ID);
    }

    static String ceType(ConsumerRecord<String, byte[]> record) {
        return CloudEventHeaders.header(record.headers(), CloudEventHeaders.TYPE);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
