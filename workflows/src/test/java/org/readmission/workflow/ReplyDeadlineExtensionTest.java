package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Events.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** The requested party asks for more time: granted once (+15 calendar days), refused the second time. */
class ReplyDeadlineExtensionTest extends ReadmissionCaseScenario {

  static final Instant RECEIVED = Instant.parse("2026-03-02T06:00:00Z");

  @Test
  void extendsReplyDeadlineOnce() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-EXT-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-03-17T19:59:59Z");

    setClock(Instant.parse("2026-03-12T08:00:00Z"));
    receive(case_, Messages.EXTENSION_REQUESTED, Map.of("extensionMotivation", "Consular interview needed"));

    assertThat(case_).hasPassed(EXTENSION_REQUESTED, EXTENSION_GRANTED, "ServiceTask_ComputeExtendedReplyDeadline")
        .isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(variable(case_, Variables.EXTENSION_USED)).isEqualTo(true);
    // 15 calendar days after Tuesday 17 March: Wednesday 1 April
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-04-01T19:59:59Z");
    Assertions.assertThat(variable(case_, "replyDeadlineKind")).isEqualTo("EXTENDED_REPLY");
    Assertions.assertThat((String) variable(case_, Variables.REPLY_DEADLINE_EXPLANATION))
        .startsWith("Extended reply due by Wed 1 Apr 2026 23:59 Asia/Baku: 15 calendar days from the end of the "
            + "current reply time limit on Tue 17 Mar 2026 23:59 Asia/Baku");
    // the timers of the task follow the new time limit
    Assertions.assertThat(timerDue(case_, REPLY_DEADLINE)).isEqualTo("2026-04-01T19:59:59Z");
    Assertions.assertThat(timerDue(case_, ESCALATE_AT_DEADLINE)).isEqualTo("2026-03-31T20:00:00Z");
    Assertions.assertThat(published.types()).containsExactly(
        APPLICATION_FORWARDED, REPLY_DEADLINE_SET, VERIFICATION_REQUESTED, REPLY_DEADLINE_EXTENDED);
  }

  @Test
  void refusesASecondExtension() {
    ProcessInstance case_ = open(Applications.normalToAzerbaijan("RC-EXT-2", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");
    receive(case_, Messages.EXTENSION_REQUESTED);

    receive(case_, Messages.EXTENSION_REQUESTED);

    assertThat(case_).hasPassed(EXTENSION_REFUSED).isWaitingAt(DECIDE_ON_APPLICATION);
    Assertions.assertThat(variable(case_, Variables.EXTENSION_REFUSED_AT)).isNotNull();
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-04-01T19:59:59Z");
    Assertions.assertThat(published.types()).containsOnlyOnce(REPLY_DEADLINE_EXTENDED).last().isEqualTo(REPLY_DEADLINE_EXTENDED);

    receive(case_, Messages.DECISION_SUBMITTED, Map.of(Variables.DECISION, "APPROVED"));
    assertThat(case_).isWaitingAt(ISSUE_TRAVEL_DOCUMENT);
  }
}
