package org.readmission.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.ReadmissionCaseProcess.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bean {@code classifyEvidence}: classifies every item of evidence on file for the case by the annexes (DMN
 * {@code EvidenceClassification}) and sets {@code evidenceSummary}: PROOF, PRIMA_FACIE or INTERVIEW_REQUIRED, the
 * weakest over all persons. Runs again whenever additional evidence arrives.
 */
public class ClassifyEvidence implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ClassifyEvidence.class);

  private final EvidenceClassification classification;
  private final EvidenceRecords evidenceRecords;

  public ClassifyEvidence(EvidenceClassification classification, EvidenceRecords evidenceRecords) {
    this.classification = classification;
    this.evidenceRecords = evidenceRecords;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = ProcessVariables.requiredString(execution, Variables.CASE_ID);
    List<Evidence> evidence = evidenceRecords.ofCase(caseId);
    EvidenceSummary summary = classification.summarise(personIds(execution), evidence);
    execution.setVariable(Variables.EVIDENCE_SUMMARY, summary.name());
    LOG.info("Case {}: evidence {} -> {}", caseId, classification.count(evidence), summary);
  }

  private static List<String> personIds(DelegateExecution execution) {
    Object value = execution.getVariable(Variables.PERSON_IDS);
    List<String> ids = new ArrayList<>();
    if (value instanceof Collection) {
      ((Collection<?>) value).forEach(id -> ids.add(String.valueOf(id)));
    }
    return ids;
  }
}
