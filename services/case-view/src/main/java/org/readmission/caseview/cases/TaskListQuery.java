package org.readmission.caseview.cases;

import java.time.Instant;

/**
 * What a task list asks for.
 *
 * @param role      the role whose tasks (with the scope's party: the candidate group); null = every role of the party
 * @param procedure NORMAL / ACCELERATED, or null
 * @param state     a {@link CaseState} name, or null
 * @param category  a person category, or null
 * @param dueBefore only tasks due before this moment (the deadline window), or null
 * @param sort      {@code due} (default), {@code received}, {@code case}
 */
public record TaskListQuery(String role, String procedure, String state, String category, Instant dueBefore,
                            String sort, int page, int size) {

    public TaskListQuery {
        page = Math.max(page, 0);
        size = size <= 0 ? 50 : Math.min(size, 200);
        sort = sort == null || sort.isBlank() ? "due" : sort;
    }
}
