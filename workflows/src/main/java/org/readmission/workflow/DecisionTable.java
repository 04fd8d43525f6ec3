package org.readmission.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * One DMN decision table read from the classpath and evaluated with a standalone DMN engine, so the rules of this
 * module work the same inside the process engine, in the service and in plain unit tests.
 */
final class DecisionTable {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private final String resource;
  private final DmnDecision decision;
  private final String versionTag;

  private DecisionTable(String resource, DmnDecision decision, String versionTag) {
    this.resource = resource;
    this.decision = decision;
    this.versionTag = versionTag;
  }

  static DecisionTable fromClasspath(String resource, String decisionId) {
    ClassLoader loader = DecisionTable.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("DMN resource '" + resource + "' is not on the classpath");
      }
      DmnModelInstance model = Dmn.readModelFromStream(in);
      Decision definition = model.getModelElementById(decisionId);
      if (definition == null) {
        throw new IllegalStateException("DMN resource '" + resource + "' has no decision '" + decisionId + "'");
      }
      return new DecisionTable(resource, DMN.parseDecision(decisionId, model), definition.getVersionTag());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read DMN resource '" + resource + "'", e);
    }
  }

  DmnDecisionTableResult evaluate(Map<String, Object> inputs) {
    return DMN.evaluateDecisionTable(decision, inputs);
  }

  String versionTag() {
    return versionTag;
  }

  String describe() {
    return decision.getKey() + " (" + resource + ")";
  }
}
