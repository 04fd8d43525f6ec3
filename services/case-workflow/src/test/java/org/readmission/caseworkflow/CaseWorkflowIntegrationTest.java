package org.readmission.caseworkflow;

import org.readmission.testing.MongoWireTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The case workflow on an embedded KRaft broker, the Mongo-wire store over TCP and the engine on in-memory H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
@ActiveProfiles("test")
@DirtiesContext
@Import(InfrastructureTestModel.class)
class CaseWorkflowIntegrationTest extends CaseWorkflowScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_it"));
    }
}
