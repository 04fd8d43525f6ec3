package org.readmission.caseworkflow;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans only the stand-in model {@code test-bpmn/readmission-case-infrastructure.bpmn} uses: a reply deadline of 15
 * calendar days from receipt (30 once extended), set in the shape of the workflows module's
 * {@code ComputedDeadline.asVariables("reply")}, without its agreement profile.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InfrastructureTestModel {

    @Bean
    JavaDelegate testReplyDeadline() {
        return execution -> {
            boolean extend = Boolean.TRUE.equals(execution.getVariableLocal("extend"));
            Date receivedAt = (Date) execution.getVariable("receivedAt");
            String rule = extend ? "30 calendar days from confirmed receipt (15 + the one extension of 15)"
                    : "15 calendar days from confirmed receipt";
            execution.setVariable("replyDueAt", Date.from(receivedAt.toInstant().plus(Duration.ofDays(extend ? 30 : 15))));
            execution.setVariable("replyDeadlineKind", extend ? "EXTENDED_REPLY" : "REPLY");
            execution.setVariable("replyDeadlineStartsAt", receivedAt);
            execution.setVariable("replyDeadlineRule", rule);
            execution.setVariable("replyDeadlineCalendar", "calendar days, time zone Asia/Baku");
            execution.setVariable("replyDeadlineProfileId", "test/1");
            execution.setVariable("replyDeadlineSource", "test profile");
            execution.setVariable("replyDeadlineConfidence", "test value");
            execution.setVariable("replyDeadlineExplanation", rule + ", from the receipt on " + receivedAt.toInstant());
            if (extend) {
                execution.setVariable("extensionUsed", true);
            }
        };
    }
}
