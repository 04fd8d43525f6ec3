package org.readmission.simulator.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.readmission.simulator.generator.ApplicationGenerator;
import org.readmission.simulator.generator.Direction;
import org.readmission.simulator.generator.SubmissionFactory;
import org.readmission.workflow.ReadmissionCaseProcess;

/** The bare-engine part of {@code bench-cases}: the real model on the in-process engine, no Kafka. No timing assertions. */
class BareEnginePhaseTest {

    @Test
    void theBeansCoverEveryDelegateExpressionOfTheModel() throws IOException {
        String bpmn;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ReadmissionCaseProcess.RESOURCE)) {
            assertThat(in).as("the model from the workflows jar").isNotNull();
            bpmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> delegates = new TreeSet<>();
        Matcher matcher = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(bpmn);
        while (matcher.find()) {
            delegates.add(matcher.group(1));
        }
        assertThat(delegates).isNotEmpty();
        assertThat(BareEnginePhase.beans(execution -> { }).keySet()).containsAll(delegates);
    }

    @Test
    @Timeout(120)
    void everyCaseReachesDecided() throws InterruptedException {
        Instant now = Instant.now();
        String runTag = ApplicationGenerator.runTagOf(now);
        List<CaseSpec> specs = CaseBenchCommand.generate(new ApplicationGenerator(7, runTag, now), new SubmissionFactory(runTag),
                new Direction("DE-BPOL", "AZ-SMS"), 5);
        assertThat(specs).allSatisfy(spec -> assertThat(spec.personIds()).hasSizeBetween(1, CaseBenchCommand.MAX_PERSONS));

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CaseLatencies result = new BareEnginePhase(Duration.ofSeconds(90), Duration.ofSeconds(5),
                new PrintStream(printed, true, StandardCharsets.UTF_8), 2).run(specs);

        assertThat(result.decided()).as("decided").isEqualTo(5);
        assertThat(result.readyForVerification()).as("every verification request published").isEqualTo(5);
        assertThat(result.complete()).isTrue();
        assertThat(result.toDecidedMicros().getTotalCount()).isEqualTo(5);
        assertThat(result.rate()).isPositive();
    }
}
