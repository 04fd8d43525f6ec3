package org.readmission.caseworkflow.inbox;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Wakes up the inbox entries of a case when its process reaches a place where it may wait for a message: every
 * process start and every user task, receive task, catch event, event-based gateway, subprocess and call
 * activity gets a start listener that, once the engine transaction has committed, announces {@link CaseMovedOn}.
 * An early message is then retried at once instead of after its back-off.
 */
@Component
class WaitStateNudges extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(WaitStateNudges.class);

    private final ApplicationEventPublisher events;
    private final ExecutionListener listener = this::afterCommit;

    WaitStateNudges(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new WaitStates());
    }

    private void afterCommit(DelegateExecution execution) {
        String caseId = execution.getProcessBusinessKey();
        CommandContext command = Context.getCommandContext();
        if (caseId == null || command == null) {
            return;
        }
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> {
            try {
                events.publishEvent(new CaseMovedOn(caseId));
            } catch (RuntimeException e) {
                log.warn("case {}: could not wake its inbox entries ({}); they are retried after their back-off",
                        caseId, e.toString());
            }
        });
    }

    private final class WaitStates extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            listen(process);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        @Override
        public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        @Override
        public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            listen(activity);
        }

        private void listen(ScopeImpl scope) {
            scope.addListener(ExecutionListener.EVENTNAME_START, listener);
        }
    }
}
