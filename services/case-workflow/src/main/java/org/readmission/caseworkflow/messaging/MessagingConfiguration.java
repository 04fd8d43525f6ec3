package org.readmission.caseworkflow.messaging;

import java.util.List;

import org.readmission.events.Topics;
import org.readmission.messaging.MessagingProperties;
import org.readmission.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service reads and writes (created when missing); the rest comes from the messaging module. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Topics consumed here (each with its dead-letter topic) and topics published to. */
    static final List<String> TOPICS = List.of(
            Topics.CASE_COMMANDS, Topics.dlt(Topics.CASE_COMMANDS),
            Topics.IDENTITY_VERIFICATION_RESULTS, Topics.dlt(Topics.IDENTITY_VERIFICATION_RESULTS),
            Topics.REINTEGRATION_UPDATES, Topics.dlt(Topics.REINTEGRATION_UPDATES),
            Topics.CASE_EVENTS, Topics.IDENTITY_VERIFICATION_REQUESTS, Topics.REINTEGRATION_REFERRALS);

    @Bean
    KafkaAdmin.NewTopics caseWorkflowTopics(MessagingProperties messaging) {
        return TopicDeclarations.of(TOPICS, messaging);
    }
}
