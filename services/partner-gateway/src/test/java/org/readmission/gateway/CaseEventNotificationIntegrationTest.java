package org.readmission.gateway;

import org.readmission.testing.MongoWireTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Case events to partner notifications, on an embedded KRaft broker and the Mongo-wire store over TCP. */
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
class CaseEventNotificationIntegrationTest extends CaseEventNotificationScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        GatewayTokens.trust(registry);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("partner_gateway_notifications"));
    }
}
