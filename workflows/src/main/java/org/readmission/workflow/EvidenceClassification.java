package org.readmission.workflow;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/**
 * Classifies evidence by the annexes of the agreement (DMN {@code EvidenceClassification},
 * {@code dmn/evidence-classification.dmn}) and sums up a case: each person counts with their strongest item, the case
 * with its weakest person.
 */
public final class EvidenceClassification {

  public static final String RESOURCE = "dmn/evidence-classification.dmn";
  public static final String DECISION = "EvidenceClassification";

  private final DecisionTable table;
  /**
   * The table is a pure function of its six inputs and never changes while the engine runs, so each combination is
   * evaluated once (a FEEL evaluation costs far more than the look-up). The inputs are codes of small enumerations,
   * so the cache stays small.
   */
  private final Map<Inputs, AnnexClass> evaluated = new ConcurrentHashMap<>();

  private record Inputs(String evidenceKind, String documentType, boolean copyOnly, boolean knownFalse,
                        boolean documentExpired, String personCategory) {
  }

  private EvidenceClassification(DecisionTable table) {
    this.table = table;
  }

  public static EvidenceClassification fromClasspath() {
    return new EvidenceClassification(DecisionTable.fromClasspath(RESOURCE, DECISION));
  }

  public AnnexClass classify(Evidence evidence) {
    return evaluated.computeIfAbsent(new Inputs(evidence.evidenceKind(), evidence.documentType(), evidence.copyOnly(),
        evidence.knownFalse(), evidence.documentExpired(), evidence.personCategory()), this::evaluate);
  }

  private AnnexClass evaluate(Inputs evidence) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("evidenceKind", evidence.evidenceKind());
    inputs.put("documentType", evidence.documentType());
    inputs.put("copyOnly", evidence.copyOnly());
    inputs.put("knownFalse", evidence.knownFalse());
    inputs.put("documentExpired", evidence.documentExpired());
    inputs.put("personCategory", evidence.personCategory());
    DmnDecisionTableResult result = table.evaluate(inputs);
    if (result.isEmpty()) {
      return AnnexClass.NONE;
    }
    return AnnexClass.valueOf(result.getFirstResult().<String>getEntry("annexClass"));
  }

  /**
   * The case's evidence in one word: PROOF, PRIMA_FACIE or INTERVIEW_REQUIRED. A person without any item that counts
   * needs an interview, and so does the case.
   */
  public EvidenceSummary summarise(Collection<String> personIds, List<Evidence> evidence) {
    Map<String, EvidenceSummary> strongestPerPerson = new HashMap<>();
    for (Evidence item : evidence) {
      EvidenceSummary strength = classify(item).strength();
      strongestPerPerson.merge(item.personId(), strength, EvidenceSummary::stronger);
    }
    if (personIds.isEmpty()) {
      return EvidenceSummary.INTERVIEW_REQUIRED;
    }
    EvidenceSummary weakest = EvidenceSummary.PROOF;
    for (String personId : personIds) {
      weakest = weakest.weaker(strongestPerPerson.getOrDefault(personId, EvidenceSummary.INTERVIEW_REQUIRED));
    }
    return weakest;
  }

  /** How many items fall under each annex class, e.g. for a log line. */
  public Map<AnnexClass, Integer> count(List<Evidence> evidence) {
    Map<AnnexClass, Integer> counts = new EnumMap<>(AnnexClass.class);
    evidence.forEach(item -> counts.merge(classify(item), 1, Integer::sum));
    return counts;
  }
}
