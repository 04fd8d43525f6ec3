package org.readmission.caseview.web;

import java.time.Clock;
import java.util.List;

import org.readmission.caseview.cases.CaseFile;
import org.readmission.caseview.cases.CaseFiles;
import org.readmission.caseview.cases.OpenTask;
import org.readmission.caseview.diagram.CurrentActivities;
import org.readmission.caseview.diagram.ProcessDiagram;
import org.readmission.caseview.security.CurrentOfficer;
import org.readmission.caseview.security.Officer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page: persons, evidence, verification, deadlines with how they were computed, open tasks with their
 * forms, the process diagram at the current step, the timeline. A case the officer's party takes no part in is
 * "not found".
 */
@Controller
public class CaseController {

    private final CaseFiles cases;
    private final CurrentOfficer officer;
    private final ProcessDiagram diagram;
    private final Clock clock;

    CaseController(CaseFiles cases, CurrentOfficer officer, ProcessDiagram diagram, Clock clock) {
        this.cases = cases;
        this.officer = officer;
        this.diagram = diagram;
        this.clock = clock;
    }

    @GetMapping("/cases/{caseId}")
    public String show(@PathVariable String caseId, Model model) {
        return page(caseId, model);
    }

    /** The timeline alone, for the page to refresh it (htmx, every few seconds). */
    @GetMapping("/cases/{caseId}/timeline")
    String timeline(@PathVariable String caseId, Model model) {
        model.addAttribute("file", load(caseId, officer.get()));
        return "case :: timeline";
    }

    /** Renders the case page (also after a rejected form, with the model holding the errors). */
    public String page(String caseId, Model model) {
        Officer me = officer.get();
        CaseFile file = load(caseId, me);
        List<OpenTask> mine = file.openTasks().stream().filter(t -> t.candidateGroup().equals(me.candidateGroup())).toList();
        model.addAttribute("file", file);
        model.addAttribute("officer", me);
        model.addAttribute("myTasks", mine);
        model.addAttribute("now", clock.instant());
        model.addAttribute("diagram", diagram.svg(CurrentActivities.of(file)));
        return "case";
    }

    private CaseFile load(String caseId, Officer me) {
        return cases.find(caseId, me.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no case " + caseId + " of " + me.party()));
    }
}
