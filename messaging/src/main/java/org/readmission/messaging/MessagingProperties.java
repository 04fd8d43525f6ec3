package org.readmission.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service appears on Kafka.
 *
 * @param source      {@code ce_source} of what this service publishes (its name)
 * @param sendTimeout how long a publish waits for the broker's acknowledgement before it fails
 * @param partitions  partitions of the topics this service declares (created when missing)
 * @param replicas    replication factor of those topics
 */
@ConfigurationProperties("readmission.messaging")
public record MessagingProperties(String source, Duration sendTimeout, Integer partitions, Short replicas) {

    public MessagingProperties {
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        partitions = partitions == null ? 3 : partitions;
        replicas = replicas == null ? 1 : replicas;
    }
}
