package org.readmission.identity.verification;

import java.util.List;

import org.readmission.events.Topics;
import org.readmission.messaging.MessagingProperties;
import org.readmission.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The topics this service reads and writes, and how a failed record is retried. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Consumed (with their dead-letter topics: the requests, and the case events for the closures that start the
     * retention periods) and published. The erasure notices go to the parties' {@code readmission.partner-notifications.*}
     * topics, declared by the partner side.
     */
    static final List<String> TOPICS = List.of(Topics.IDENTITY_VERIFICATION_REQUESTS,
            Topics.dlt(Topics.IDENTITY_VERIFICATION_REQUESTS), Topics.IDENTITY_VERIFICATION_RESULTS,
            Topics.CASE_EVENTS, Topics.dlt(Topics.CASE_EVENTS));

    @Bean
    KafkaAdmin.NewTopics identityVerificationTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(TOPICS, messaging);
    }

    /**
     * Only infrastructure failures reach the container (content problems are dead-lettered by the listener): retry the
     * same record, backing off up to 30 s, until Kafka and MongoDB are back; the offset is not committed meanwhile.
     */
    @Bean
    CommonErrorHandler retryUntilInfrastructureIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
