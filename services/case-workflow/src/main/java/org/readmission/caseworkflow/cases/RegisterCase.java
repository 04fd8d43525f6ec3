package org.readmission.caseworkflow.cases;

import static org.readmission.caseworkflow.process.CaseProcess.Variables.*;
import static org.readmission.workflow.ReadmissionCaseProcess.Variables.*;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.caseworkflow.inbox.Inbox;
import org.readmission.events.cases.OpenReadmissionCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code registerCase}: keeps the application of the {@code OpenReadmissionCase} command in the case store and
 * sets the routing variables. Publishes nothing. Running it again (a retried job) finds the stored case file.
 */
@Component("registerCase")
class RegisterCase implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RegisterCase.class);

    private final CaseFiles caseFiles;
    private final Inbox inbox;

    RegisterCase(CaseFiles caseFiles, Inbox inbox) {
        this.caseFiles = caseFiles;
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        CaseFile file = caseFiles.find(caseId).orElseGet(() -> caseFiles.register(command(execution, caseId)));
        execution.setVariables(routingVariables(file));
        log.info("case {}: registered ({} person(s), {} -> {}, {} procedure)", caseId, file.persons().size(),
                file.requestingParty(), file.requestedParty(), file.procedure());
    }

    private OpenReadmissionCase command(DelegateExecution execution, String caseId) {
        String commandId = (String) execution.getVariable(OPEN_CASE_COMMAND_ID);
        if (commandId == null) {
            throw new IllegalStateException("case " + caseId + ": variable " + OPEN_CASE_COMMAND_ID
                    + " is missing; the case must be started by the inbox from an OpenReadmissionCase command");
        }
        return inbox.openCaseCommand(commandId).orElseThrow(() -> new IllegalStateException(
                "case " + caseId + ": inbox entry " + commandId + " holds no OpenReadmissionCase command"));
    }

    static Map<String, Object> routingVariables(CaseFile file) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_ID, file.caseId());
        variables.put(APPLICATION_ID, file.applicationId());
        variables.put(REQUESTING_PARTY, file.requestingParty());
        variables.put(REQUESTED_PARTY, file.requestedParty());
        variables.put(PROCEDURE, file.procedure());
        variables.put(CATEGORY, file.category());
        variables.put(PERSON_IDS, new ArrayList<>(file.personIds()));
        variables.put(RECEIVED_AT, Date.from(file.receivedAt()));
        return variables;
    }
}
