package org.readmission.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readmission.simulator.Options;
import org.readmission.simulator.provider.ProviderLoop;

/** The client configuration of the open mode, of --secure and of --kafka-config; and the refusal messages. */
class KafkaSettingsTest {

    static final String BOOTSTRAP = "127.0.0.1:9092";

    @TempDir
    Path dir;

    static KafkaSettings parse(String... args) {
        Options options = Options.parse(args, "simulate");
        KafkaSettings settings = KafkaSettings.from(options);
        options.requireAllUsed();
        return settings;
    }

    @Test
    void openModeIsUnchanged() {
        KafkaSettings open = parse("--bootstrap", BOOTSTRAP);
        assertThat(open.secure()).isFalse();
        assertThat(open).isEqualTo(new KafkaSettings(BOOTSTRAP));
        assertThat(open.submissionTopic("DE-BPOL")).isEqualTo("readmission.partner-submissions");

        // exactly the settings the simulator always used, with or without a party: no security at all
        assertThat(open.producerConfig("DE-BPOL", "p", 5)).containsOnlyKeys("bootstrap.servers", "client.id", "acks",
                "enable.idempotence", "linger.ms", "batch.size", "max.block.ms", "delivery.timeout.ms");
        assertThat(open.producerConfig(null, "p", 5)).isEqualTo(open.producerConfig("DE-BPOL", "p", 5));
        assertThat(open.consumerConfig("DE-BPOL", "c", null)).containsOnlyKeys("bootstrap.servers", "client.id",
                "enable.auto.commit", "auto.offset.reset", "allow.auto.create.topics", "max.poll.records",
                "fetch.max.wait.ms", "isolation.level");
        assertThat(open.consumerConfig("DE-BPOL", "c", "g")).containsEntry("group.id", "g");
    }

    @Test
    void secureGivesEachPartyItsOwnLocalDemoPrincipalAndTopic() {
        KafkaSettings secure = parse("--bootstrap", BOOTSTRAP, "--secure");
        assertThat(secure.secure()).isTrue();
        assertThat(secure.submissionTopic("DE-BPOL")).isEqualTo("readmission.partner-submissions.de-bpol");
        assertThat(secure.submissionTopic("AZ-SMS")).isEqualTo("readmission.partner-submissions.az-sms");

        Map<String, Object> producer = secure.producerConfig("DE-BPOL", "p", 1);
        assertThat(producer)
                .containsEntry("bootstrap.servers", BOOTSTRAP)
                .containsEntry("acks", "all")
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"de-bpol\" password=\"de-bpol-local-demo-password\";");
        assertThat(secure.consumerConfig("IOM-AZ", "c", ProviderLoop.secureGroupOf("IOM-AZ")))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("group.id", "iom-az.simulator")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"iom-az\" password=\"iom-az-local-demo-password\";");
        // the documented derivation of deploy/local's KafkaSecurity.demoPassword
        assertThat(ClientSecurity.demoPassword(ClientSecurity.principalOf("AZ-SMS-RU"))).isEqualTo("az-sms-ru-local-demo-password");
        assertThat(secure.security().describe()).doesNotContain("password=");
    }

    @Test
    void kafkaConfigIsAppliedToEveryClientWithPerPartyKeys() throws IOException {
        Path file = dir.resolve("client.properties");
        Files.writeString(file, String.join("\n",
                "# production: TLS and each party's own password",
                "security.protocol=SASL_SSL",
                "sasl.mechanism=SCRAM-SHA-512",
                "ssl.truststore.location=/etc/readmission/kafka-truststore.p12",
                "ssl.truststore.type=PKCS12",
                "party.de-bpol.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"de-bpol\" password=\"real\";",
                "party.az-sms.sasl.jaas.config=AZ-SMS's line",
                "linger.ms=7"), StandardCharsets.UTF_8);

        KafkaSettings fromFile = parse("--kafka-config", file.toString());
        assertThat(fromFile.secure()).as("a file means the secure model: each party as itself").isTrue();
        assertThat(fromFile.submissionTopic("DE-BPOL")).isEqualTo("readmission.partner-submissions.de-bpol");
        Map<String, Object> deBpol = fromFile.producerConfig("DE-BPOL", "p", 1);
        assertThat(deBpol)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/readmission/kafka-truststore.p12")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("linger.ms", "7")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"de-bpol\" password=\"real\";");
        assertThat(deBpol.keySet()).noneMatch(key -> key.startsWith("party."));
        assertThat(fromFile.consumerConfig("AZ-SMS", "c", null)).containsEntry("sasl.jaas.config", "AZ-SMS's line");
        assertThat(fromFile.consumerConfig("NL-DTV", "c", null)).doesNotContainKey("sasl.jaas.config")
                .containsEntry("security.protocol", "SASL_SSL");

        // with --secure the file overrides the demo settings (e.g. TLS on another broker) and keeps the demo identity
        KafkaSettings both = parse("--secure", "--kafka-config", file.toString());
        assertThat(both.producerConfig("NL-DTV", "p", 1))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"nl-dtv\" password=\"nl-dtv-local-demo-password\";");

        assertThatThrownBy(() -> parse("--kafka-config", dir.resolve("missing.properties").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> parse("--kafka-config")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a file");
    }

    @Test
    void refusalsNameThePartyTheTopicAndTheFix() {
        ClientSecurity demo = ClientSecurity.localDemo();
        String write = KafkaRefusal.of(new TopicAuthorizationException(Set.of("readmission.partner-submissions")), demo,
                "DE-BPOL", "write", "readmission.partner-submissions").orElseThrow().getMessage();
        assertThat(write).contains("DE-BPOL", "User:de-bpol", "write readmission.partner-submissions",
                "readmission.partner-submissions.de-bpol", "stack up --secure");

        String login = KafkaRefusal.of(new IllegalStateException("wrapped",
                new SaslAuthenticationException("Authentication failed due to invalid credentials")), demo, "AZ-SMS",
                "connect to", BOOTSTRAP).orElseThrow().getMessage();
        assertThat(login).contains("AZ-SMS", "User:az-sms", "invalid credentials", "az-sms-local-demo-password",
                "deploy/local/stack up --secure creates these users", "secure mode");

        String group = KafkaRefusal.of(new GroupAuthorizationException("no", "partner-simulator.provider.iom-az"), demo,
                "IOM-AZ", "use", "group").orElseThrow().getMessage();
        assertThat(group).contains("IOM-AZ", "partner-simulator.provider.iom-az", "'iom-az.*'");

        assertThat(KafkaRefusal.of(new IllegalStateException("not a refusal"), demo, "DE-BPOL", "write", "t")).isEmpty();
    }
}
