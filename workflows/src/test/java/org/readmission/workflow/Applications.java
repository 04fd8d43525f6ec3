package org.readmission.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.readmission.workflow.ReadmissionCaseProcess.Variables;

/** Readmission applications as the gateway hands them to the workflow: the start variables and the evidence on file. */
final class Applications {

  private Applications() {
  }

  record Application(String caseId, String requestingParty, String requestedParty, Procedure procedure,
                     Instant receivedAt, List<String> personIds, List<Evidence> evidence) {

    /** The variables the engine host passes with {@code org.readmission.case.open.v1}. */
    Map<String, Object> startVariables() {
      Map<String, Object> variables = new HashMap<>();
      variables.put(Variables.CASE_ID, caseId);
      variables.put(Variables.APPLICATION_ID, "APP-" + caseId);
      variables.put(Variables.REQUESTING_PARTY, requestingParty);
      variables.put(Variables.REQUESTED_PARTY, requestedParty);
      variables.put(Variables.PROCEDURE, procedure.name());
      variables.put(Variables.CATEGORY, "OWN_NATIONAL");
      variables.put(Variables.PERSON_IDS, new ArrayList<>(personIds));
      variables.put(Variables.RECEIVED_AT, Date.from(receivedAt));
      return variables;
    }
  }

  /** Germany asks Azerbaijan to readmit one Azerbaijani national who holds a passport. */
  static Application normalToAzerbaijan(String caseId, Instant receivedAt) {
    return new Application(caseId, "DE-BPOL", "AZ-SMS", Procedure.NORMAL, receivedAt, List.of("P1"),
        List.of(Evidence.document("P1", "OWN_NATIONAL", "NATIONAL_PASSPORT")));
  }

  /** A person apprehended in the border region after crossing directly from Azerbaijan (accelerated procedure). */
  static Application acceleratedAtBorder(String caseId, Instant receivedAt) {
    return new Application(caseId, "DE-BPOL", "AZ-SMS", Procedure.ACCELERATED, receivedAt, List.of("P1"),
        List.of(Evidence.document("P1", "OWN_NATIONAL", "IDENTITY_CARD").copy()));
  }

  /** A family: a passport for the father, a birth certificate for the mother, nothing for the child. */
  static Application familyOfThree(String caseId, Instant receivedAt) {
    return new Application(caseId, "NL-DTV", "AZ-SMS", Procedure.NORMAL, receivedAt, List.of("P1", "P2", "P3"),
        List.of(Evidence.document("P1", "OWN_NATIONAL", "NATIONAL_PASSPORT"),
            Evidence.document("P2", "OWN_NATIONAL", "BIRTH_CERTIFICATE")));
  }

  /** The reverse direction: Azerbaijan asks the Netherlands to readmit a Dutch national. */
  static Application fromAzerbaijanToNetherlands(String caseId, Instant receivedAt) {
    return new Application(caseId, "AZ-SMS", "NL-DTV", Procedure.NORMAL, receivedAt, List.of("P1"),
        List.of(Evidence.document("P1", "OWN_NATIONAL", "NATIONAL_PASSPORT").expired()));
  }
}
