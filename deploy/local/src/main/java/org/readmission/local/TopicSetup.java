package org.readmission.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the core topics (from {@code deploy/local/topics.txt}) if they do not exist yet. Idempotent. */
public final class TopicSetup {

    /** What {@link #ensure} did. */
    public record Outcome(List<String> created, List<String> alreadyPresent) {
    }

    private TopicSetup() {
    }

    public static Admin admin(String bootstrap) {
        return Admin.create(HealthWait.adminConfig(bootstrap));
    }

    /** An admin client with extra config (e.g. SASL, {@link KafkaBroker#adminClientConfig()}). */
    public static Admin admin(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(HealthWait.adminConfig(bootstrap));
        config.putAll(extra);
        return Admin.create(config);
    }

    /**
     * Creates every topic of {@code topics} that is missing, with its partitions and the given
     * replication factor. Retries for up to {@code patience} while the broker is still registering
     * (a freshly started KRaft broker can be reachable before it may host replicas).
     */
    public static Outcome ensure(Admin admin, List<StackFiles.TopicSpec> topics, short replication, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return ensureOnce(admin, topics, replication);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                boolean retriable = cause instanceof RetriableException || cause instanceof InvalidReplicationFactorException;
                if (!retriable || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(300);
            }
        }
    }

    private static Outcome ensureOnce(Admin admin, List<StackFiles.TopicSpec> topics, short replication)
            throws Exception {
        Set<String> existing = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                .get(15, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (StackFiles.TopicSpec topic : topics) {
            if (existing.contains(topic.name())) {
                present.add(topic.name());
            } else {
                missing.add(new NewTopic(topic.name(), topic.partitions(), replication));
            }
        }
        List<String> created = new ArrayList<>();
        if (!missing.isEmpty()) {
            CreateTopicsResult result = admin.createTopics(missing);
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e : result.values().entrySet()) {
                try {
                    e.getValue().get(15, TimeUnit.SECONDS);
                    created.add(e.getKey());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof TopicExistsException) {
                        present.add(e.getKey());
                    } else {
                        throw ex;
                    }
                }
            }
        }
        return new Outcome(created, present);
    }
}
