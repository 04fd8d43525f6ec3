package org.readmission.caseworkflow.inbox;

import org.readmission.workflow.ReadmissionCaseProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.readmission.events.EventIds;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers an inbox entry to the engine, at most once per event. The correlation sets a marker variable named
 * after the event ({@link #markerOf}) in the same engine transaction that moves the process on, so whether an
 * event was already delivered is a question the engine's own database answers: after a crash between
 * "correlated" and "inbox entry marked", the retry finds the marker and does not deliver the event twice.
 */
@Component
class ProcessCorrelator {

    static final String MARKER_PREFIX = "inbox_";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TransactionTemplate transactions;

    ProcessCorrelator(RuntimeService runtime, HistoryService history, RepositoryService repository,
                      PlatformTransactionManager transactionManager) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    sealed interface Outcome permits Correlated, NotAtWaitState {
    }

    /** Delivered now, or found delivered earlier ({@code earlier}). */
    record Correlated(String processInstanceId, boolean earlier) implements Outcome {
    }

    /** No instance of the case waits for this message (yet): keep the entry and try again. */
    record NotAtWaitState(String reason) implements Outcome {
    }

    static String markerOf(InboxEntry entry) {
        return MARKER_PREFIX + EventIds.deterministic(entry.id()).replace("-", "");
    }

    /**
     * @param mayHaveBeenDelivered whether an earlier attempt may have delivered the entry (a retry, a take-over after a
     *                             crash); only then is the engine asked for the marker first. An entry stored a moment
     *                             ago by this very call chain cannot have been delivered, and the two queries (running
     *                             and historic instances of the case, then their variables) are skipped.
     */
    Outcome correlate(InboxEntry entry, CorrelationRequest request, boolean mayHaveBeenDelivered) {
        String marker = markerOf(entry);
        if (mayHaveBeenDelivered) {
            Optional<String> earlier = instanceHolding(marker, request.caseId());
            if (earlier.isPresent()) {
                return new Correlated(earlier.get(), true);
            }
        }
        try {
            if (request instanceof CorrelationRequest.StartCase start) {
                return startCase(start, marker, entry.id());
            }
            return deliver((CorrelationRequest.DeliverMessage) request, marker, entry.id());
        } catch (MismatchingMessageCorrelationException e) {
            return new NotAtWaitState(e.getMessage());
        }
    }

    private boolean startsAProcess(String messageName) {
        return repository.createProcessDefinitionQuery().messageEventSubscriptionName(messageName).count() > 0;
    }

    private Outcome startCase(CorrelationRequest.StartCase start, String marker, String entryId) {
        if (!startsAProcess(start.messageName())) {
            return new NotAtWaitState("no process definition is started by " + start.messageName() + " (not deployed?)");
        }
        Optional<String> open = existingCase(start.caseId());
        if (open.isPresent()) {
            // another command already opened this case (the gateway never sends two; be safe anyway)
            return new Correlated(open.get(), true);
        }
        ProcessInstance instance = runtime.createMessageCorrelation(start.messageName())
                .processInstanceBusinessKey(start.caseId())
                .setVariables(start.variables())
                .setVariable(marker, entryId)
                .correlateStartMessage();
        return new Correlated(instance.getId(), false);
    }

    private Outcome deliver(CorrelationRequest.DeliverMessage message, String marker, String entryId) {
        List<EventSubscription> waiting = subscriptions(message.caseId(), message.messageName());
        if (waiting.isEmpty() && startsAProcess(message.messageName())) {
            // a message that starts a process of its own (e.g. a correction), beside the case's process or after it
            ProcessInstance started = runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(message.caseId())
                    .setVariables(message.variables())
                    .setVariable(marker, entryId)
                    .correlateStartMessage();
            return new Correlated(started.getId(), false);
        }
        if (waiting.isEmpty()) {
            return new NotAtWaitState("case " + message.caseId() + " has no process instance waiting for " + message.messageName());
        }
        Map<String, Object> variables = new HashMap<>(message.variables());
        variables.put(marker, entryId);
        if (message.localMatch().isEmpty()) {
            MessageCorrelationResult result = runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(message.caseId())
                    .setVariables(variables)
                    .correlateWithResult();
            String instanceId = result.getResultType() == MessageCorrelationResultType.ProcessDefinition
                    ? result.getProcessInstance().getId()
                    : result.getExecution().getProcessInstanceId();
            return new Correlated(instanceId, false);
        }
        // The waiting execution sees the match variables in its own scope or an enclosing one (e.g. personId is the
        // element variable of the multi-instance subprocess around the receive task).
        List<EventSubscription> matching = waiting.stream().filter(subscription -> message.localMatch().entrySet().stream()
                .allMatch(match -> Objects.equals(runtime.getVariable(subscription.getExecutionId(), match.getKey()),
                        match.getValue()))).toList();
        if (matching.size() != 1) {
            return new NotAtWaitState("case " + message.caseId() + " has " + matching.size() + " executions waiting for "
                    + message.messageName() + " with " + message.localMatch());
        }
        EventSubscription subscription = matching.get(0);
        transactions.executeWithoutResult(status -> {
            if (!message.localVariables().isEmpty()) {
                runtime.setVariablesLocal(subscription.getExecutionId(), message.localVariables());
            }
            runtime.messageEventReceived(message.messageName(), subscription.getExecutionId(), variables);
        });
        return new Correlated(subscription.getProcessInstanceId(), false);
    }

    private List<EventSubscription> subscriptions(String caseId, String messageName) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .flatMap(instance -> runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                        .eventType("message").eventName(messageName).list().stream())
                .toList();
    }

    private Optional<String> instanceHolding(String marker, String caseId) {
        String[] running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(ProcessInstance::getId).toArray(String[]::new);
        if (running.length > 0) {
            List<VariableInstance> found = runtime.createVariableInstanceQuery().processInstanceIdIn(running)
                    .variableName(marker).list();
            if (!found.isEmpty()) {
                return Optional.of(found.get(0).getProcessInstanceId());
            }
        }
        String[] all = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId).list().stream()
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (all.length > 0) {
            List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery().processInstanceIdIn(all)
                    .variableName(marker).list();
            if (!found.isEmpty()) {
                return Optional.of(found.get(0).getProcessInstanceId());
            }
        }
        return Optional.empty();
    }

    private Optional<String> existingCase(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ReadmissionCaseProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseId).list().stream().map(ProcessInstance::getId).findFirst()
                .or(() -> history.createHistoricProcessInstanceQuery().processDefinitionKey(ReadmissionCaseProcess.PROCESS_KEY)
                        .processInstanceBusinessKey(caseId).list().stream().map(HistoricProcessInstance::getId).findFirst());
    }
}
