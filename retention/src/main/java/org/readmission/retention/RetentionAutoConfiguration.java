package org.readmission.retention;

import java.time.Clock;

import org.readmission.events.AvroCodec;
import org.readmission.events.EventCatalog;
import org.readmission.messaging.EventPublisher;
import org.readmission.messaging.MessagingAutoConfiguration;
import org.readmission.protection.CaseKeys;
import org.readmission.protection.CaseKeysAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Retention in a service that declares what it holds of a case (a {@link PersonalDataHolder} bean): the retention
 * records, the erasure, the notices and the scheduled job ({@code readmission.retention.*}; the service enables
 * scheduling). Its listener of {@code readmission.case-events} hands every {@code CaseClosed} to
 * {@link Retention#caseClosed}.
 */
@AutoConfiguration(after = {MongoDataAutoConfiguration.class, MessagingAutoConfiguration.class,
        CaseKeysAutoConfiguration.class})
@ConditionalOnBean(PersonalDataHolder.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionAutoConfiguration {

    @Bean
    Retention retention(MongoTemplate mongo, PersonalDataHolder holder, CaseKeys keys) {
        return new Retention(new CaseRetentionStore(mongo), holder, keys);
    }

    @Bean
    ErasureNotices erasureNotices(EventPublisher publisher, Retention retention, PersonalDataHolder holder) {
        return new ErasureNotices(publisher, retention, holder);
    }

    @Bean
    CaseClosures caseClosures(Retention retention, AvroCodec codec, EventCatalog catalog) {
        return new CaseClosures(retention, codec, catalog);
    }

    @Bean
    RetentionJob retentionJob(Retention retention, ErasureNotices notices, Clock clock, RetentionProperties properties) {
        return new RetentionJob(retention, notices, clock, properties);
    }
}
