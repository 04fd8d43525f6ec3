package org.readmission.reintegration.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.readmission.events.Topics;
import org.readmission.messaging.MessagingProperties;
import org.readmission.messaging.TopicDeclarations;
import org.readmission.reintegration.provider.ProviderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The service's topics, and what happens when handling a record fails unexpectedly. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Referrals and updates, the case events (for closures: retention), with their dead-letter topics, and each
     * configured provider's notification topic.
     */
    @Bean
    KafkaAdmin.NewTopics reintegrationTopics(ProviderProperties providers, MessagingProperties messaging) {
        List<String> topics = new ArrayList<>(List.of(Topics.REINTEGRATION_REFERRALS, Topics.dlt(Topics.REINTEGRATION_REFERRALS),
                Topics.REINTEGRATION_UPDATES, Topics.dlt(Topics.REINTEGRATION_UPDATES),
                Topics.CASE_EVENTS, Topics.dlt(Topics.CASE_EVENTS)));
        providers.providers().forEach(provider -> topics.add(Topics.partnerNotifications(provider.code())));
        return TopicDeclarations.of(topics, messaging);
    }

    /**
     * Bad input is dead-lettered by the listener itself with a reason. This covers the service's own failures (store
     * or broker unavailable): retried with back-off for about two minutes (the redelivery re-relays what is pending),
     * then copied to the DLT with the exception, so one record never blocks its partition for good.
     */
    @Bean
    CommonErrorHandler reintegrationErrorHandler(KafkaTemplate<String, byte[]> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(15_000);
        backOff.setMaxElapsedTime(120_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
