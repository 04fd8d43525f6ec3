package org.readmission.caseview.tasks;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.readmission.caseview.security.CurrentOfficer;
import org.readmission.caseview.security.Officer;
import org.readmission.caseview.web.CaseController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An officer acts on a task of the case page: the form's fields go to the case workflow's task API as the
 * officer; the API's field errors come back onto the form. The read model changes when the resulting events
 * arrive (the timeline refreshes itself).
 */
@Controller
class TaskFormController {

    private static final Logger log = LoggerFactory.getLogger(TaskFormController.class);
    /** Fields that carry several values (check boxes). */
    private static final Set<String> LISTS = Set.of("refusalReasons", "refusedPersonIds");
    /** Fields entered as local date-times in the officer's zone, sent as instants. */
    private static final Set<String> MOMENTS = Set.of("transferScheduledAt", "handedOverAt", "transferDueAt", "interviewScheduledAt");
    /** Yes/no fields: a hidden "false" before each check box, so "true" wins when ticked. */
    private static final Set<String> BOOLEANS = Set.of("consentGiven", "minor", "healthNeeds", "traffickingVictim");
    /** Check boxes sent as one comma-separated list of codes. */
    private static final Set<String> JOINED = Set.of("needs");

    private final TaskApi api;
    private final CurrentOfficer officer;
    private final CaseController casePage;

    TaskFormController(TaskApi api, CurrentOfficer officer, CaseController casePage) {
        this.api = api;
        this.officer = officer;
        this.casePage = casePage;
    }

    @PostMapping("/cases/{caseId}/tasks/{taskKey}")
    String act(@PathVariable String caseId, @PathVariable String taskKey, @RequestParam MultiValueMap<String, String> form,
               Model model, RedirectAttributes redirect) {
        Officer me = officer.get();
        casePage.page(caseId, model);
        Map<String, Object> fields = fields(form, me);
        String personId = form.getFirst("_person");
        TaskApi.Completion completion = api.complete(me, caseId, taskKey, personId == null || personId.isBlank() ? null : personId, fields);
        if (completion instanceof TaskApi.Completed) {
            log.info("case {}: {} completed by {} ({})", caseId, taskKey, me.username(), me.candidateGroup());
            redirect.addFlashAttribute("submitted", taskKey);
            return "redirect:/cases/" + caseId;
        }
        model.addAttribute("formTask", taskKey);
        model.addAttribute("formPerson", personId);
        model.addAttribute("formValues", form.toSingleValueMap());
        if (completion instanceof TaskApi.Rejected rejected) {
            model.addAttribute("formDetail", rejected.detail());
            model.addAttribute("formErrors", rejected.errors());
        } else if (completion instanceof TaskApi.Failed failed) {
            log.warn("case {}: {} by {} failed: {} {}", caseId, taskKey, me.candidateGroup(), failed.status(), failed.detail());
            model.addAttribute("formDetail", failed.detail());
            model.addAttribute("formErrors", List.of());
        }
        return "case";
    }

    static Map<String, Object> fields(MultiValueMap<String, String> form, Officer me) {
        Map<String, Object> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("_")) {
                return;
            }
            List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).toList();
            if (LISTS.contains(name)) {
                fields.put(name, given);
            } else if (BOOLEANS.contains(name)) {
                if (!given.isEmpty()) {
                    fields.put(name, given.contains("true"));
                }
            } else if (JOINED.contains(name)) {
                fields.put(name, String.join(",", given));
            } else if (!given.isEmpty()) {
                fields.put(name, MOMENTS.contains(name) ? moment(given.get(0), me) : given.get(0));
            }
        });
        return fields;
    }

    /** {@code 2026-12-01T09:30} in the officer's zone → {@code 2026-12-01T05:30:00Z}; anything else as typed. */
    private static String moment(String local, Officer me) {
        try {
            return LocalDateTime.parse(local).atZone(me.zone()).toInstant().toString();
        } catch (DateTimeParseException notLocal) {
            return local;
        }
    }
}
