package org.readmission.messaging;

import java.util.Collection;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics a service reads and writes, created at start-up when missing, with the configured size. */
public final class TopicDeclarations {

    private TopicDeclarations() {
    }

    public static KafkaAdmin.NewTopics of(Collection<String> names, MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> TopicBuilder.name(name).partitions(properties.partitions()).replicas(properties.replicas()).build())
                .toArray(NewTopic[]::new));
    }
}
