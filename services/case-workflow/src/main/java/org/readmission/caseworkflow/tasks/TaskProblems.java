package org.readmission.caseworkflow.tasks;

import java.util.List;

/** Why a task action is refused; each maps to one HTTP status. */
final class TaskProblems {

    private TaskProblems() {
    }

    /** 409: the task was completed or cancelled meanwhile, or never existed. */
    static final class TaskGone extends RuntimeException {
        TaskGone(String taskId) {
            super("task " + taskId + " no longer exists: it was completed or the case moved on; reload the task list");
        }
    }

    /** 409: another officer holds the task. */
    static final class ClaimedByOther extends RuntimeException {
        ClaimedByOther(String taskId, String assignee) {
            super("task " + taskId + " is claimed by " + assignee + "; ask them or a supervisor to unclaim it");
        }
    }

    /** 403: the task is not for the caller's party and role. */
    static final class NotYourTask extends RuntimeException {
        NotYourTask(String taskId, String group) {
            super("task " + taskId + " is not offered to " + group);
        }
    }

    /** 403: the token does not make the caller an officer of a party in the role the request needs. */
    static final class NotYourRole extends RuntimeException {
        NotYourRole(String reason) {
            super(reason);
        }
    }

    /** 422: the form is not valid. */
    static final class InvalidForm extends RuntimeException {
        private final List<FieldError> errors;

        InvalidForm(String taskId, List<FieldError> errors) {
            super("the form of task " + taskId + " is not valid: " + errors.size() + " problem(s)");
            this.errors = List.copyOf(errors);
        }

        List<FieldError> errors() {
            return errors;
        }
    }
}
