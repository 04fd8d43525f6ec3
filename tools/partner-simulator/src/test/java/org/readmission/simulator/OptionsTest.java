package org.readmission.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void parsesCommandValuesFlagsAndDurations() {
        Options options = Options.parse(new String[] {"bench", "--count", "20_000", "--rate=150", "--valid-only",
                "--timeout", "2m", "--settle", "500ms"}, "simulate");

        assertThat(options.command()).isEqualTo("bench");
        assertThat(options.integer("count", 1)).isEqualTo(20_000);
        assertThat(options.integer("rate", 200)).isEqualTo(150);
        assertThat(options.flag("valid-only")).isTrue();
        assertThat(options.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.duration("settle", Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(options.text("bootstrap", "127.0.0.1:9092")).isEqualTo("127.0.0.1:9092");
        options.requireAllUsed();

        assertThat(Options.parse(new String[] {"--count", "3"}, "simulate").command()).isEqualTo("simulate");
        assertThat(Options.parseDuration("timeout", "45")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesUnknownOptionsAndBadValuesWithUsageExitCode() {
        Options typo = Options.parse(new String[] {"--cuont", "3"}, "simulate");
        typo.integer("count", 40);
        assertThatThrownBy(typo::requireAllUsed).hasMessageContaining("--cuont");
        assertThatThrownBy(() -> Options.parse(new String[] {"--count", "many"}, "simulate").integer("count", 1))
                .hasMessageContaining("whole number");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(PartnerSimulator.run(new String[] {"simulate", "--cuont", "3"}, stream, stream)).isEqualTo(64);
        assertThat(PartnerSimulator.run(new String[] {"bench", "--sender", "AZ-MIA"}, stream, stream)).isEqualTo(64);
        assertThat(PartnerSimulator.run(new String[] {"replay"}, stream, stream)).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--cuont", "usage:", "unknown command 'replay'");
    }

    @Test
    void theOpenOnlyCommandsRefuseSecureWithAClearMessage() {
        for (String[] args : new String[][] {{"bench", "--secure"}, {"bench-cases", "--secure"}, {"seed-demo", "--secure"},
                {"bench", "--kafka-config", "client.properties"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
            assertThat(PartnerSimulator.run(args, stream, stream)).as(String.join(" ", args)).isEqualTo(64);
            assertThat(err.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow())
                    .contains(args[0] + " runs only against the open (non-secure) local stack", "simulate --secure");
        }
        assertThat(Options.parse(new String[] {"provider", "--secure"}, "simulate").has("secure")).isTrue();
    }
}
