package org.readmission.caseview.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.readmission.caseview.cases.CaseIndex;
import org.readmission.caseview.cases.CaseState;
import org.readmission.caseview.cases.TaskListQuery;
import org.readmission.caseview.security.CurrentOfficer;
import org.readmission.caseview.security.Officer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My tasks (my party and role) or my party's tasks (every role), with filters and sort. A deadline window of
 * {@code overdue} lists what is past due, {@code 3} what falls due within three days.
 */
@Controller
class TaskListController {

    private final CaseIndex index;
    private final CurrentOfficer officer;
    private final Clock clock;

    TaskListController(CaseIndex index, CurrentOfficer officer, Clock clock) {
        this.index = index;
        this.officer = officer;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    String tasks(@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) String procedure,
                 @RequestParam(required = false) String state, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String window, @RequestParam(required = false) String sort,
                 @RequestParam(defaultValue = "0") int page, Model model) {
        Officer me = officer.get();
        Instant now = clock.instant();
        TaskListQuery query = new TaskListQuery("party".equals(scope) ? null : me.role(), blankToNull(procedure),
                blankToNull(state), blankToNull(category), dueBefore(window, now), sort, page, 50);
        model.addAttribute("officer", me);
        model.addAttribute("result", index.tasks(me.scope(), query));
        model.addAttribute("now", now);
        model.addAttribute("scope", "party".equals(scope) ? "party" : "mine");
        model.addAttribute("procedure", procedure);
        model.addAttribute("state", state);
        model.addAttribute("category", category);
        model.addAttribute("window", window);
        model.addAttribute("sort", query.sort());
        model.addAttribute("states", CaseState.values());
        return "tasks";
    }

    private static Instant dueBefore(String window, Instant now) {
        if (window == null || window.isBlank()) {
            return null;
        }
        if ("overdue".equals(window)) {
            return now;
        }
        try {
            return now.plus(Duration.ofDays(Integer.parseInt(window)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
