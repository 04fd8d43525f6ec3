package org.readmission.caseworkflow.tasks;

import java.util.List;
import java.util.Map;

/** What a valid task form does, or why it is refused. */
sealed interface FormOutcome {

    /** Complete the task with these variables, after {@code beforeCompletion} (e.g. personal data to the case file). */
    record Complete(Map<String, Object> variables, Runnable beforeCompletion) implements FormOutcome {
        Complete(Map<String, Object> variables) {
            this(variables, () -> { });
        }
    }

    /** Leave the task to the process: deliver this message to the case (e.g. a request to extend the reply limit). */
    record SendMessage(String messageName, Map<String, Object> variables) implements FormOutcome {
    }

    record Invalid(List<FieldError> errors) implements FormOutcome {
    }
}
