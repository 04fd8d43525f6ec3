package org.readmission.caseworkflow.tasks;

import java.time.Instant;
import java.util.List;

/** A task as an officer's list shows it. */
record TaskView(String id, String caseId, String name, String taskDefinitionKey, String processInstanceId,
                List<String> candidateGroups, String assignee, Instant created, Instant due, boolean overdue) {
}
