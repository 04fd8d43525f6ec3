package org.readmission.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every model of the module deploys together, as the engine host deploys them (history time to live enforced). */
class ModelDeploymentTest {

  @RegisterExtension
  final ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-unittest.cfg.xml")
      .build();

  @Test
  void everyProcessAndDecisionDeploys() {
    ProcessEngine processEngine = engine.getProcessEngine();
    Deployment deployment = processEngine.getRepositoryService().createDeployment()
        .name("workflows")
        .addClasspathResource(ReadmissionCaseProcess.RESOURCE)
        .addClasspathResource(TransitRequestProcess.RESOURCE)
        .addClasspathResource(PersonalDataCorrectionProcess.RESOURCE)
        .addClasspathResource(AgreementProfile.TIME_LIMITS_RESOURCE)
        .addClasspathResource(EvidenceClassification.RESOURCE)
        .addClasspathResource(TransitRequestProcess.REFUSAL_GROUNDS_RESOURCE)
        .addClasspathResource(RetentionSchedule.RESOURCE)
        .deploy();
    try {
      assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
          .deploymentId(deployment.getId()).list())
          .extracting("key").containsExactlyInAnyOrder(ReadmissionCaseProcess.PROCESS_KEY, TransitRequestProcess.PROCESS_KEY,
              PersonalDataCorrectionProcess.PROCESS_KEY);
      assertThat(processEngine.getRepositoryService().createDecisionDefinitionQuery()
          .deploymentId(deployment.getId()).list())
          .extracting("key", "versionTag").containsExactlyInAnyOrder(
              tuple(AgreementProfile.TIME_LIMITS_DECISION, "eu-az/1"),
              tuple(EvidenceClassification.DECISION, "eu-az/1"),
              tuple(TransitRequestProcess.REFUSAL_GROUNDS_DECISION, "eu-az/1"),
              tuple(RetentionSchedule.DECISION, "eu-az/1"));
    } finally {
      processEngine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }
}
