package org.readmission.workflow;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.readmission.workflow.ReadmissionCaseProcess.Activities.*;

import java.time.Instant;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.readmission.workflow.ReadmissionCaseProcess.Messages;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** The agreement is reciprocal: Azerbaijan asks the Netherlands; Dutch working days and time zone apply. */
class ReverseDirectionTest extends ReadmissionCaseScenario {

  /** Thursday 2 April 2026, 11:00 in Amsterdam (summer time, UTC+2). */
  static final Instant RECEIVED = Instant.parse("2026-04-02T09:00:00Z");

  @Test
  void theNetherlandsRepliesOnDutchTime() {
    ProcessInstance case_ = open(Applications.fromAzerbaijanToNetherlands("RC-REV-1", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");

    assertThat(task(DECIDE_ON_APPLICATION, case_)).hasCandidateGroup("NL-DTV:case-officer");
    // 15 calendar days: Friday 17 April, 23:59:59 in Amsterdam
    Assertions.assertThat(instant(case_, Variables.REPLY_DUE_AT)).isEqualTo("2026-04-17T21:59:59Z");
    Assertions.assertThat(variable(case_, "replyDeadlineCalendar"))
        .isEqualTo("NL public holidays (jollyday), weekend Saturday-Sunday, time zone Europe/Amsterdam");
    // an expired Dutch passport is still proof
    Assertions.assertThat(variable(case_, Variables.EVIDENCE_SUMMARY)).isEqualTo("PROOF");
  }

  @Test
  void travelDocumentCountsDutchWorkingDays() {
    ProcessInstance case_ = open(Applications.fromAzerbaijanToNetherlands("RC-REV-2", RECEIVED));
    verifyEveryPerson(case_, "CONFIRMED");

    // approved Thursday 30 April 2026 (the decision says when): Fri 1 May, Mon 4, (Liberation Day 5 May), Wed 6,
    // Thu 7, Fri 8 May
    receive(case_, Messages.DECISION_SUBMITTED, Map.of(Variables.DECISION, "APPROVED",
        Variables.DECIDED_AT, java.util.Date.from(Instant.parse("2026-04-30T10:00:00Z"))));

    assertThat(task(ISSUE_TRAVEL_DOCUMENT, case_)).hasCandidateGroup("NL-DTV:consular-officer");
    Assertions.assertThat(instant(case_, Variables.TRAVEL_DOCUMENT_DUE_AT)).isEqualTo("2026-05-08T21:59:59Z");
    Assertions.assertThat((String) variable(case_, Variables.TRAVEL_DOCUMENT_DEADLINE_EXPLANATION))
        .contains("Tue 5 May 2026 (Liberation Day)", "Europe/Amsterdam");
    assertThat(task(ISSUE_TRAVEL_DOCUMENT, case_)).hasDueDate(java.util.Date.from(Instant.parse("2026-05-08T21:59:59Z")));
  }
}
