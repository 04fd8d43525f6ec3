package org.readmission.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class StackFilesTest {

    @Test
    void parsesServiceLinesSkippingCommentsAndBlanks() {
        List<StackFiles.ServiceSpec> services = StackFiles.parseServices(List.of(
                "# name jar port",
                "",
                "   ",
                "partner-gateway  services/partner-gateway/target/partner-gateway.jar  8081",
                "case-view services/case-view/target/case-view.jar 8080 --spring.profiles.active=local  # trailing comment",
                "#case-workflow services/case-workflow/target/case-workflow.jar 8082"), "services.txt");

        assertThat(services).hasSize(2);
        StackFiles.ServiceSpec gateway = services.get(0);
        assertThat(gateway.name()).isEqualTo("partner-gateway");
        assertThat(gateway.jar()).isEqualTo("services/partner-gateway/target/partner-gateway.jar");
        assertThat(gateway.port()).isEqualTo(8081);
        assertThat(gateway.extraArgs()).isEmpty();
        assertThat(gateway.databaseName()).isEqualTo("partner_gateway");
        assertThat(services.get(1).extraArgs()).containsExactly("--spring.profiles.active=local");
    }

    @Test
    void serviceCommandCarriesPortAddressKafkaAndItsOwnDatabase() {
        StackFiles.ServiceSpec s = new StackFiles.ServiceSpec("identity-verification", "x.jar", 8083, List.of("--a=b"));
        assertThat(ServiceProcess.mainArgs(s, "127.0.0.1", "127.0.0.1:9092", "127.0.0.1:27017")).containsExactly(
                "-jar", "x.jar", "--server.port=8083", "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=127.0.0.1:9092",
                "--spring.data.mongodb.uri=mongodb://127.0.0.1:27017/identity_verification", "--a=b");
        assertThat(ServiceProcess.jvmArgs()).contains("-Xmx384m");
    }

    @Test
    void argumentsWrittenDashJAreForTheJvmOfTheService() {
        StackFiles.ServiceSpec s = StackFiles.parseServices(
                List.of("auth-server x.jar 9000 -J-XX:TieredStopAtLevel=1 --readmission.data-dir=d"), "s").get(0);
        assertThat(s.jvmOptions()).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(ServiceProcess.mainArgs(s, "127.0.0.1", "127.0.0.1:9092", "127.0.0.1:27017"))
                .contains("--readmission.data-dir=d").doesNotContain("-J-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=1");
    }

    @Test
    void rejectsBadServiceLines() {
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("gateway only-a-jar"), "s"))
                .hasMessageContaining("s:1").hasMessageContaining("name jar port");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("gw a.jar http"), "s"))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("gw a.jar 70000"), "s"))
                .hasMessageContaining("not a port");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("Gateway a.jar 8081"), "s"))
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("kafka a.jar 8081"), "s"))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("a a.jar 8081", "a b.jar 8082"), "s"))
                .hasMessageContaining("s:2").hasMessageContaining("listed twice");
        assertThatThrownBy(() -> StackFiles.parseServices(List.of("a a.jar 8081", "b b.jar 8081"), "s"))
                .hasMessageContaining("port 8081");
    }

    @Test
    void parsesTopicLinesWithOptionalPartitions() {
        List<StackFiles.TopicSpec> topics = StackFiles.parseTopics(List.of(
                "# core topics",
                "readmission.case-events",
                "readmission.case-events.dlt   1",
                ""), "topics.txt");
        assertThat(topics).containsExactly(
                new StackFiles.TopicSpec("readmission.case-events", 3),
                new StackFiles.TopicSpec("readmission.case-events.dlt", 1));
    }

    @Test
    void rejectsBadTopicLines() {
        assertThatThrownBy(() -> StackFiles.parseTopics(List.of("bad/topic"), "t")).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> StackFiles.parseTopics(List.of("a 0"), "t")).hasMessageContaining("positive");
        assertThatThrownBy(() -> StackFiles.parseTopics(List.of("a 3 x"), "t")).hasMessageContaining("topic [partitions]");
        assertThatThrownBy(() -> StackFiles.parseTopics(List.of("a", "a"), "t")).hasMessageContaining("listed twice");
    }

    @Test
    void theShippedFilesParseAndListTheCoreTopicsWithTheirDeadLetterTopics() throws Exception {
        // Surefire runs in the module directory (deploy/local)
        List<StackFiles.ServiceSpec> services = StackFiles.readServices(Path.of("services.txt"));
        assertThat(services).extracting(StackFiles.ServiceSpec::name).contains("partner-gateway");
        assertThat(services).filteredOn(s -> s.name().equals("partner-gateway")).singleElement()
                .satisfies(s -> {
                    assertThat(s.port()).isEqualTo(8081);
                    assertThat(s.jar()).isEqualTo("services/partner-gateway/target/partner-gateway.jar");
                });
        // the OIDC provider starts first, on the port its issuer URL and the workspace's redirect URI name
        assertThat(services.get(0)).satisfies(s -> {
            assertThat(s.name()).isEqualTo("auth-server");
            assertThat(s.port()).isEqualTo(9000);
            assertThat(s.jar()).isEqualTo("services/auth-server/target/auth-server.jar");
            assertThat(s.serviceArgs()).containsExactly("--readmission.data-dir=./.local-data/auth-server");
        });

        List<String> core = List.of("readmission.partner-submissions", "readmission.case-commands",
                "readmission.case-events", "identity.verification-requests", "identity.verification-results",
                "reintegration.referrals", "reintegration.updates");
        List<StackFiles.TopicSpec> topics = StackFiles.readTopics(Path.of("topics.txt"));
        List<String> names = topics.stream().map(StackFiles.TopicSpec::name).toList();
        for (String topic : core) {
            assertThat(names).contains(topic, topic + ".dlt");
        }
        assertThat(topics).allSatisfy(t -> assertThat(t.partitions()).isEqualTo(3));
    }
}
