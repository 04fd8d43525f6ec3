package org.readmission.workflow;

import java.util.List;

/**
 * Where the evidence of a case is kept (the engine host's case store). The process holds ids only, so the
 * classification reads the evidence from here.
 */
@FunctionalInterface
public interface EvidenceRecords {

  /** Every item of evidence on file for the case, for all its persons. */
  List<Evidence> ofCase(String caseId);
}
