package org.readmission.simulator.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.readmission.events.AvroCodec;
import org.readmission.events.UndecodableEventException;
import org.readmission.simulator.kafka.KafkaSettings;

/**
 * (c) The baseline: a fresh consumer group reads the records of phase (a) from {@code readmission.partner-submissions}
 * (from the offsets noted before (a) to those noted after it) and only decodes each value. Records per second, timed
 * from the arrival of the first batch to the last record decoded.
 */
final class BareConsumerPhase {

    record Result(long records, long decoded, long undecodable, double seconds, boolean complete) {

        double rate() {
            return seconds <= 0 ? 0 : records / seconds;
        }
    }

    private final KafkaSettings kafka;
    private final AvroCodec codec;
    private final Duration timeout;
    private final Duration progressEvery;
    private final PrintStream out;

    BareConsumerPhase(KafkaSettings kafka, AvroCodec codec, Duration timeout, Duration progressEvery, PrintStream out) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = timeout;
        this.progressEvery = progressEvery;
        this.out = out;
    }

    Result run(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, String groupId) {
        Map<TopicPartition, Long> remaining = new HashMap<>();
        to.forEach((partition, end) -> {
            long start = from.getOrDefault(partition, 0L);
            if (end > start) {
                remaining.put(partition, end);
            }
        });
        long total = remaining.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
        AtomicLong read = new AtomicLong();
        long decoded = 0;
        long undecodable = 0;
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(groupId, groupId);
             Progress progress = new Progress(out, progressEvery, "bare consumer",
                     () -> String.format("read %d/%d", read.get(), total))) {
            List<TopicPartition> partitions = List.copyOf(remaining.keySet());
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + timeout.toNanos();
            long start = 0;
            long last = 0;
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime(); // timed from the first batch: connection set-up is not decoding
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(partition);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    try {
                        codec.decode(record.value());
                        decoded++;
                    } catch (UndecodableEventException e) {
                        undecodable++;
                    }
                    read.incrementAndGet();
                    if (record.offset() + 1 >= end) {
                        remaining.remove(partition);
                    }
                }
                if (!records.isEmpty()) {
                    last = System.nanoTime();
                }
                remaining.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            return new Result(read.get(), decoded, undecodable, start == 0 ? 0 : (last - start) / 1e9, remaining.isEmpty());
        }
    }
}
