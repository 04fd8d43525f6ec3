package org.readmission.caseworkflow.messaging;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The event contract and the topics this service reads and writes (created when missing). */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /** Topics consumed here (each with its dead-letter topic) and topics published to. */
    static final List<String> TOPICS = List.of(
            Topics.CASE_COMMANDS, Topics.dlt(Topics.CASE_COMMANDS),
            Topics.IDENTITY_VERIFICATION_RESULTS, Topics.dlt(Topics.IDENTITY_VERIFICATION_RESULTS),
            Topics.CASE_EVENTS, Topics.IDENTITY_VERIFICATION_REQUESTS, Topics.REINTEGRATION_REFERRALS);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.v1();
    }

    @Bean
    AvroCodec avroCodec(EventCatalog catalog) {
        return new AvroCodec(catalog);
    }

    @Bean
    KafkaAdmin.NewTopics caseWorkflowTopics(@Value("${readmission.topics.partitions:3}") int partitions,
                                            @Value("${readmission.topics.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(TOPICS.stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
                .toArray(NewTopic[]::new));
    }
}
