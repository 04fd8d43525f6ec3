package org.readmission.caseworkflow.cases;

import static org.readmission.caseworkflow.process.CaseProcess.Variables.CORRECTION_ENTRY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.readmission.caseworkflow.inbox.Inbox;
import org.readmission.events.partner.PersonalDataCorrected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code recordCorrection}: the party that sent a person's data corrected it; the case file takes the corrected
 * person record, read from the {@code PersonalDataCorrected} submission kept (sealed) in the inbox. The next step
 * publishes {@code PersonalDataRectified}, which the gateway passes to the other party and the case view applies. Running
 * it again writes the same record.
 */
@Component("recordCorrection")
class RecordCorrection implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordCorrection.class);

    private final CaseFiles caseFiles;
    private final Inbox inbox;

    RecordCorrection(CaseFiles caseFiles, Inbox inbox) {
        this.caseFiles = caseFiles;
        this.inbox = inbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        String entryId = (String) execution.getVariable(CORRECTION_ENTRY_ID);
        PersonalDataCorrected correction = inbox.correction(entryId).orElseThrow(() -> new IllegalStateException(
                "case " + caseId + ": inbox entry " + entryId + " holds no PersonalDataCorrected submission"));
        caseFiles.rectify(caseId, correction.getPerson());
        log.info("case {}: person {} corrected by its sender ({} field(s))", caseId,
                correction.getPerson().getPersonId(), correction.getCorrectedFields().size());
    }
}
