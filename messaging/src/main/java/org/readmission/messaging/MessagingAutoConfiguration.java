package org.readmission.messaging;

import java.time.Clock;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The event contract and the Kafka helpers of every service: the catalogue, the codec, the publisher, the envelope
 * reader, the dead letters, and a UTC clock (a service or a test may declare its own).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCatalog eventCatalog() {
        return EventCatalog.v1();
    }

    @Bean
    @ConditionalOnMissingBean
    AvroCodec avroCodec(EventCatalog catalog) {
        return new AvroCodec(catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    EnvelopeReader envelopeReader(AvroCodec codec, EventCatalog catalog) {
        return new EnvelopeReader(codec, catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, AvroCodec codec, EventCatalog catalog,
                                  MessagingProperties properties) {
        return new EventPublisher(kafka, codec, catalog, properties);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaTemplate<String, byte[]> kafka, MessagingProperties properties) {
        return new DeadLetters(kafka, properties);
    }
}
