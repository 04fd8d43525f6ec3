package org.readmission.caseworkflow.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.workflow.AgreementProfile;
import org.readmission.workflow.ClassifyEvidence;
import org.readmission.workflow.ComputeReplyDeadline;
import org.readmission.workflow.ComputeDeadlineAfterApproval;
import org.readmission.caseworkflow.cases.CaseFiles;
import org.readmission.caseworkflow.publishing.CaseEvents;
import org.readmission.workflow.ComputeInterviewDeadline;
import org.readmission.workflow.ReintegrationHandoffProcess;
import org.readmission.workflow.ScheduleFollowUp;
import org.readmission.workflow.ScreenVulnerability;
import org.readmission.workflow.StartReintegrationHandoff;
import org.readmission.workflow.VulnerabilityScreening;
import org.readmission.workflow.Deadlines;
import org.readmission.workflow.EvidenceClassification;
import org.readmission.workflow.EvidenceRecords;
import org.readmission.workflow.ReadmissionCaseProcess.Beans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule delegates of the workflows module under the bean names the model calls
 * ({@code camunda:delegateExpression="${computeReplyDeadline}"} ...), on the EU–Azerbaijan agreement profile. The
 * evidence they classify is read from this service's case store ({@link EvidenceRecords}).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowRules {

    @Bean
    Deadlines deadlines() {
        return new Deadlines(AgreementProfile.euAzerbaijan());
    }

    @Bean
    EvidenceClassification evidenceClassification() {
        return EvidenceClassification.fromClasspath();
    }

    @Bean(Beans.CLASSIFY_EVIDENCE)
    JavaDelegate classifyEvidence(EvidenceClassification classification, EvidenceRecords evidence) {
        return new ClassifyEvidence(classification, evidence);
    }

    @Bean(Beans.COMPUTE_REPLY_DEADLINE)
    JavaDelegate computeReplyDeadline(Deadlines deadlines) {
        return new ComputeReplyDeadline(deadlines);
    }

    @Bean(Beans.COMPUTE_TRAVEL_DOCUMENT_DEADLINE)
    JavaDelegate computeTravelDocumentDeadline(Deadlines deadlines) {
        return ComputeDeadlineAfterApproval.travelDocument(deadlines);
    }

    @Bean(Beans.COMPUTE_TRANSFER_DEADLINE)
    JavaDelegate computeTransferDeadline(Deadlines deadlines) {
        return ComputeDeadlineAfterApproval.transfer(deadlines);
    }

    /** After the handover: one reintegration handoff per person actually returned (this service knows who). */
    @Bean(Beans.START_REINTEGRATION_HANDOFF)
    JavaDelegate startReintegrationHandoff(CaseEvents caseEvents, CaseFiles caseFiles) {
        return new StartReintegrationHandoff(execution -> caseEvents.returnedPersons(
                caseFiles.get(execution.getProcessBusinessKey()), execution::getVariable));
    }

    @Bean(ReintegrationHandoffProcess.Beans.SCREEN_VULNERABILITY)
    JavaDelegate screenVulnerability() {
        return new ScreenVulnerability(VulnerabilityScreening.fromClasspath());
    }

    @Bean(ReintegrationHandoffProcess.Beans.SCHEDULE_FOLLOW_UP)
    JavaDelegate scheduleFollowUp() {
        return new ScheduleFollowUp();
    }

    @Bean(Beans.COMPUTE_INTERVIEW_DEADLINE)
    JavaDelegate computeInterviewDeadline(Deadlines deadlines) {
        return new ComputeInterviewDeadline(deadlines);
    }
}
