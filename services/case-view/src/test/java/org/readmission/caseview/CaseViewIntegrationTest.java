package org.readmission.caseview;

import org.readmission.testsignin.TestAuthorizationServer;
import org.readmission.testing.MongoWireTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port, an embedded KRaft broker, the Mongo-wire store over TCP and a test OIDC
 * provider ({@link TestAuthorizationServer}). Subclasses share one context (and broker); each uses its own case ids
 * and parties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "server.address=127.0.0.1"})
@EmbeddedKafka(kraft = true, partitions = 1)
@ActiveProfiles("test")
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc
public abstract class CaseViewIntegrationTest {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_view_it"));
        // officers sign in through a real authorization server started in this JVM
        registry.add("readmission.case-view.sign-in.issuer", () -> TestAuthorizationServer.shared().issuer());
    }
}
