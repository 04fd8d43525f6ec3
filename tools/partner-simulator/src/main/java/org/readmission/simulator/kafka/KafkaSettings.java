package org.readmission.simulator.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.readmission.events.Topics;
import org.readmission.simulator.Options;

/**
 * How the simulator talks to Kafka: as a partner does (acks=all, idempotent producer; plain consumers). In the open mode
 * ({@link ClientSecurity#open()}) every client is the same anonymous client and submissions go to the shared topic; in
 * a secure run each party's clients authenticate as that party and write its own submission topic.
 */
public record KafkaSettings(String bootstrapServers, ClientSecurity security) {

    /** Options common to the commands that support secure mode. */
    public static final String OPTIONS_USAGE = "[--secure] [--kafka-config FILE]";

    /** The open mode, as before: no client security. */
    public KafkaSettings(String bootstrapServers) {
        this(bootstrapServers, ClientSecurity.open());
    }

    /** {@code --bootstrap}, {@code --secure} and {@code --kafka-config FILE}. */
    public static KafkaSettings from(Options options) {
        String bootstrap = options.text("bootstrap", "127.0.0.1:9092");
        boolean secure = options.flag("secure");
        String file = options.text("kafka-config", null);
        if ("true".equals(file) || (file != null && file.isBlank())) {
            throw new IllegalArgumentException("--kafka-config needs a file: a Java properties file of Kafka client settings");
        }
        return new KafkaSettings(bootstrap, ClientSecurity.of(secure, file == null ? null : Path.of(file)));
    }

    /** True when each party acts as itself on its own topics ({@code --secure} or {@code --kafka-config}). */
    public boolean secure() {
        return security.perParty();
    }

    /** Where a party's submissions go: the shared topic in the open mode, the party's own topic in a secure run. */
    public String submissionTopic(String party) {
        return secure() ? Topics.partnerSubmissions(party) : Topics.PARTNER_SUBMISSIONS;
    }

    /** The producer partners use: acks=all and idempotence; {@code lingerMs} 0 for latency, a few ms for throughput. */
    public KafkaProducer<String, byte[]> producer(String clientId, int lingerMs) {
        return producer(null, clientId, lingerMs);
    }

    /** The producer of {@code party} (authenticated as that party in a secure run; null: nobody in particular). */
    public KafkaProducer<String, byte[]> producer(String party, String clientId, int lingerMs) {
        return new KafkaProducer<>(producerConfig(party, clientId, lingerMs), new StringSerializer(), new ByteArraySerializer());
    }

    /** The configuration of {@link #producer(String, String, int)}. */
    public Map<String, Object> producerConfig(String party, String clientId, int lingerMs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.putAll(security.settingsFor(party));
        return config;
    }

    /**
     * A consumer that is assigned partitions explicitly (no group rebalancing, nothing committed). A group id is
     * set only when given (the bare-consumer baseline runs as its own fresh group).
     */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        return consumer(null, clientId, groupId);
    }

    /** The consumer of {@code party} (authenticated as that party in a secure run; null: nobody in particular). */
    public KafkaConsumer<String, byte[]> consumer(String party, String clientId, String groupId) {
        return new KafkaConsumer<>(consumerConfig(party, clientId, groupId), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The configuration of {@link #consumer(String, String, String)}. */
    public Map<String, Object> consumerConfig(String party, String clientId, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putAll(security.settingsFor(party));
        return config;
    }

    /** Fails fast, with a message a person can act on, when no broker answers at the bootstrap address. */
    public void requireReachable(Duration timeout) {
        requireReachable(null, timeout);
    }

    /**
     * Fails fast when no broker answers, or (secure run) when it does not accept {@code party}'s credentials, with a
     * message that names the party and what to check ({@link KafkaRefusal}).
     */
    public void requireReachable(String party, Duration timeout) {
        Map<String, Object> config = new HashMap<>(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        config.putAll(security.settingsFor(party));
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            if (party != null) {
                KafkaRefusal.of(e, security, party, "connect to", bootstrapServers).ifPresent(refusal -> {
                    throw refusal;
                });
            }
            throw new IllegalStateException("no Kafka broker answers at " + bootstrapServers + " within " + timeout.toSeconds()
                    + " s (is the local stack up? deploy/local/stack up"
                    + (secure() ? "; with --secure it must run in secure mode, stack up --secure)"
                            : "; a stack started with --secure needs --secure here too)"), e);
        }
    }

    /** The partitions of the topics that exist now (a topic that does not exist has none). */
    public static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, Collection<String> topics) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(15));
        return topics.stream()
                .filter(existing::containsKey)
                .flatMap(topic -> existing.get(topic).stream().map(p -> new TopicPartition(topic, p.partition())))
                .toList();
    }
}
