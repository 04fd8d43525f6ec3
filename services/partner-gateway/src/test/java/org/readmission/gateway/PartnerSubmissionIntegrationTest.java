package org.readmission.gateway;

import org.readmission.testing.MongoWireTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The partner scenarios on an embedded KRaft broker and the Mongo-wire store (mongo-java-server over TCP). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class PartnerSubmissionIntegrationTest extends PartnerSubmissionScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        GatewayTokens.trust(registry);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("partner_gateway"));
    }
}
