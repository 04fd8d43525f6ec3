package org.readmission.caseworkflow.inbox;

import java.util.Map;

/** What an inbox entry asks of the engine. */
sealed interface CorrelationRequest {

    String caseId();

    /** Start {@code readmission-case} by its message start event, business key = case id. */
    record StartCase(String messageName, String caseId, Map<String, Object> variables) implements CorrelationRequest {
    }

    /**
     * Deliver a message to the case's instance waiting for it. {@code localMatch}: variables the waiting execution
     * must see as local (e.g. {@code personId} of one multi-instance person); {@code localVariables} are set there.
     */
    record DeliverMessage(String messageName, String caseId, Map<String, Object> localMatch,
                          Map<String, Object> variables, Map<String, Object> localVariables) implements CorrelationRequest {
    }
}
