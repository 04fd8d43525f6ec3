package org.readmission.caseview.projection;

import java.util.ArrayList;
import java.util.List;

import org.readmission.events.Topics;
import org.readmission.messaging.MessagingProperties;
import org.readmission.messaging.TopicDeclarations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/** The topics (created when missing, with their .dlt) and what happens when applying a record keeps failing. */
@Configuration
class ProjectionConfiguration {

    @Bean
    KafkaAdmin.NewTopics projectedTopicDeclarations(MessagingProperties properties) {
        List<String> names = new ArrayList<>(ProjectedTopics.ALL);
        ProjectedTopics.ALL.forEach(topic -> names.add(Topics.dlt(topic)));
        return TopicDeclarations.of(names, properties);
    }

    /** A store outage is retried (10 × 1 s) without committing; a record that still fails goes to its .dlt. */
    @Bean
    CommonErrorHandler projectionErrorHandler(Projection projection) {
        return new DefaultErrorHandler((record, exception) -> {
            @SuppressWarnings("unchecked")
            var consumed = (org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>) record;
            projection.deadLetter(consumed, exception);
        }, new FixedBackOff(1000, 10));
    }
}
