package org.readmission.caseworkflow.inbox;

/** Where an incoming event stands: waiting for its wait state, delivered to the process, or given up on (visibly). */
public enum InboxState {
    PENDING,
    CORRELATED,
    EXPIRED
}
