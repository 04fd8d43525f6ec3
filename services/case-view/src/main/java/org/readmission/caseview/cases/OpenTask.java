package org.readmission.caseview.cases;

import java.time.Instant;

/**
 * A user task the process is expected to have open for the case, derived from the events (the engine publishes no
 * task events). The officer's action looks the real task up in the task API by case id and {@code taskKey}.
 *
 * @param taskKey the BPMN activity id, e.g. {@code UserTask_DecideOnApplication}
 * @param party   the party code of the candidate group
 * @param role    the role of the candidate group
 * @param dueAt   when it is due, or null
 * @param personId the person the task is about (interview, reintegration: one task per person), or null
 */
public record OpenTask(String taskKey, String party, String role, Instant dueAt, String personId) {

    public OpenTask(String taskKey, String party, String role, Instant dueAt) {
        this(taskKey, party, role, dueAt, null);
    }

    public String candidateGroup() {
        return party + ":" + role;
    }

    public boolean overdueAt(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }
}
