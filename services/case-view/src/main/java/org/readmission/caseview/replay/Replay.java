package org.readmission.caseview.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.readmission.caseview.cases.CaseStore;
import org.readmission.caseview.projection.ProjectedTopics;
import org.readmission.caseview.projection.Projection;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model: drops it, then reads every projected topic from the beginning with a fresh consumer
 * group (up to the end offsets seen at the start) through the same projection the live consumer uses, printing
 * progress. Events arriving meanwhile are applied by the live consumer; the applied event ids make the overlap
 * harmless. The case keys and retention records are kept ({@link CaseStore#dropAll}): an erased case is rebuilt as its
 * tombstone, never with the personal data its events still carry.
 */
@Component
public class Replay {

    private final CaseStore store;
    private final Projection projection;
    private final KafkaProperties kafka;

    Replay(CaseStore store, Projection projection, KafkaProperties kafka) {
        this.store = store;
        this.projection = projection;
        this.kafka = kafka;
    }

    public record Result(long records, long applied, long duplicates, long deadLettered) {
    }

    public Result run(PrintStream out) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "case-view-replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        long records = 0;
        long applied = 0;
        long duplicates = 0;
        long dead = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = ProjectedTopics.ALL.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            out.printf("replay: dropping the read model; %d records on %d partitions of %s%n", total, partitions.size(), ProjectedTopics.ALL);
            store.dropAll();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    Projection.Outcome outcome = projection.project(record);
                    records++;
                    switch (outcome) {
                        case APPLIED -> applied++;
                        case DUPLICATE -> duplicates++;
                        default -> dead++;
                    }
                    if (records % 1000 == 0) {
                        out.printf("replay: %d / %d records%n", records, total);
                    }
                }
            }
        }
        out.printf("replay: done, %d records: %d applied, %d duplicates, %d dead-lettered%n", records, applied, duplicates, dead);
        return new Result(records, applied, duplicates, dead);
    }
}
