package org.readmission.caseworkflow.retention;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine's history of a case (its process instances, their activities, variables, tasks and decisions). The
 * models' {@code historyTimeToLive} is only the upper bound; at the end of the case's own retention period its
 * finished instances' history is deleted here, with everything that hangs on it. An instance still running then
 * (which a closed case should not have) keeps its history and is logged; its variables hold ids and routing values
 * only.
 */
@Component
class ProcessHistory {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessHistory.class);

    private final HistoryService history;

    ProcessHistory(HistoryService history) {
        this.history = history;
    }

    void erase(String caseId) {
        List<String> finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .finished().list().stream().map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(finished);
        }
        long running = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).unfinished().count();
        if (running > 0) {
            LOG.warn("Case {}: {} process instance(s) still running at the end of the retention period keep their history",
                    caseId, running);
        }
    }
}
