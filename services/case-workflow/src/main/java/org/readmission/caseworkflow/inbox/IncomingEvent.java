package org.readmission.caseworkflow.inbox;

/**
 * An event read from Kafka that passed the envelope checks: decodable, of a type this service correlates,
 * naming its case. {@code messageName} is the BPMN message it triggers.
 */
record IncomingEvent(String ceId, String ceSource, String ceType, String messageName, String caseId,
                     String requestingParty, String requestedParty, String origin, byte[] payload) {
}
