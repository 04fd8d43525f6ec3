package org.readmission.audit;

import java.time.Clock;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.readmission.audit.web.AuditController;
import org.readmission.audit.web.Callers;
import org.readmission.audit.web.PrincipalCallers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail of a service that has MongoDB: the append API ({@link AuditTrail}) on the chain
 * {@code readmission.audit.chain} (default: {@code spring.application.name}), its verification and the auditors'
 * look-ups; with the web stack, {@code GET /api/v1/audit} for the role {@code auditor}.
 */
@AutoConfiguration(after = MongoDataAutoConfiguration.class)
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@ConditionalOnProperty(prefix = "readmission.audit", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean("auditCollection")
    @ConditionalOnMissingBean(name = "auditCollection")
    MongoCollection<Document> auditCollection(MongoTemplate mongo, AuditProperties properties) {
        MongoCollection<Document> collection = mongo.getCollection(properties.collection());
        AuditTrail.createIndexes(collection);
        return collection;
    }

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(@Qualifier("auditCollection") MongoCollection<Document> collection, AuditProperties properties, Environment environment) {
        return new AuditTrail(collection, chainOf(properties, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditVerification auditVerification(@Qualifier("auditCollection") MongoCollection<Document> collection) {
        return new AuditVerification(collection);
    }

    @Bean
    @ConditionalOnMissingBean
    AuditQueries auditQueries(@Qualifier("auditCollection") MongoCollection<Document> collection) {
        return new AuditQueries(collection);
    }

    static String chainOf(AuditProperties properties, Environment environment) {
        if (properties.chain() != null && !properties.chain().isBlank()) {
            return properties.chain();
        }
        return environment.getProperty("spring.application.name", "default");
    }

    /** The callers of the auditors' API: the bearer token's principal, where the service is a resource server. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"org.readmission.security.ReadmissionPrincipal",
            "org.springframework.security.core.context.SecurityContextHolder"})
    static class PrincipalCallersConfiguration {

        @Bean
        @ConditionalOnMissingBean
        Callers callers() {
            return new PrincipalCallers();
        }
    }

    /** Without the {@code security} module nobody is known: the auditors' API answers 401 to everyone. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnMissingClass("org.readmission.security.ReadmissionPrincipal")
    static class NoCallersConfiguration {

        @Bean
        @ConditionalOnMissingBean
        Callers callers() {
            return request -> Optional.empty();
        }
    }

    /** The auditors' API, where the service serves HTTP. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RestController.class)
    static class AuditWebConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AuditController auditController(AuditQueries queries, AuditTrail trail, Callers callers, ObjectProvider<Clock> clock) {
            return new AuditController(queries, trail, callers, clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
