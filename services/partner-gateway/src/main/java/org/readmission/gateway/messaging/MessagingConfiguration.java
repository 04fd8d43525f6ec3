package org.readmission.gateway.messaging;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.readmission.events.Topics;
import org.readmission.gateway.inbound.SubmissionTopics;
import org.readmission.gateway.party.PartyDirectory;
import org.readmission.messaging.MessagingProperties;
import org.readmission.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The gateway's topics and what happens when processing a record fails unexpectedly. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * The topics this gateway reads and writes: the shared submission topic and each sending party's own (with their
     * {@code .dlt}), one notification topic per configured party.
     */
    @Bean
    KafkaAdmin.NewTopics gatewayTopics(PartyDirectory parties, SubmissionTopics submissionTopics, MessagingProperties messaging) {
        List<String> topics = new ArrayList<>(submissionTopics.withDeadLetterTopics());
        topics.addAll(List.of(Topics.CASE_COMMANDS, Topics.CASE_EVENTS, Topics.dlt(Topics.CASE_EVENTS)));
        parties.all().forEach(party -> topics.add(Topics.partnerNotifications(party.code())));
        return TopicDeclarations.of(topics, messaging);
    }

    /**
     * Bad input never reaches this handler (it is answered as a rejection). It covers failures of the gateway's
     * own infrastructure (store unavailable): the record is retried with back-off for about two minutes, then
     * copied to the DLT with the exception in its headers, so one record never blocks its partition for good.
     */
    @Bean
    CommonErrorHandler submissionErrorHandler(KafkaTemplate<String, byte[]> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, failure) -> new TopicPartition(Topics.dlt(record.topic()), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(15_000);
        backOff.setMaxElapsedTime(120_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
