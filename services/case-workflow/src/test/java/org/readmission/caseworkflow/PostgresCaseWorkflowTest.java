package org.readmission.caseworkflow;

import org.readmission.testing.MongoWireTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same scenarios with the engine on PostgreSQL, as in production. Runs when {@code READMISSION_TEST_POSTGRES_URL}
 * is set (e.g. {@code jdbc:postgresql://127.0.0.1:5432/readmission_test}; user and password from
 * {@code READMISSION_TEST_POSTGRES_USER} / {@code _PASSWORD}, default {@code readmission}); skipped otherwise. The
 * engine's tables go to a schema of their own, emptied at the start.
 */
@EnabledIfEnvironmentVariable(named = "READMISSION_TEST_POSTGRES_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(kraft = true, partitions = 3)
@ActiveProfiles({"test", "postgres"})
@DirtiesContext
@Import(InfrastructureTestModel.class)
class PostgresCaseWorkflowTest extends CaseWorkflowScenarios {

    static final String SCHEMA = "case_workflow_test";

    @DynamicPropertySource
    static void engineDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = System.getenv("READMISSION_TEST_POSTGRES_URL");
        String user = env("READMISSION_TEST_POSTGRES_USER", "readmission");
        String password = env("READMISSION_TEST_POSTGRES_PASSWORD", "readmission");
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
            statement.execute("create schema " + SCHEMA);
        }
        registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
        registry.add("spring.data.mongodb.uri", () -> MongoWireTestServer.uri("case_workflow_pg"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
