package org.readmission.caseview.search;

import java.util.List;

import org.readmission.caseview.cases.CaseIndex;
import org.readmission.caseview.cases.CaseIndexEntry;
import org.readmission.caseview.security.CurrentOfficer;
import org.readmission.caseview.security.Officer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search the officer's party's cases by case id or partner reference, by name (transliteration-tolerant: Məmmədov,
 * Mammadov, Mamedov and Мамедов find each other) and by document number.
 */
@Controller
class SearchController {

    static final int LIMIT = 50;

    private final CaseIndex index;
    private final CurrentOfficer officer;

    SearchController(CaseIndex index, CurrentOfficer officer) {
        this.index = index;
        this.officer = officer;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String reference, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String document, Model model) {
        Officer me = officer.get();
        boolean asked = notBlank(reference) || notBlank(name) || notBlank(document);
        List<CaseIndexEntry> found = asked ? index.search(me.scope(), reference, name, document, LIMIT) : List.of();
        model.addAttribute("officer", me);
        model.addAttribute("asked", asked);
        model.addAttribute("found", found);
        model.addAttribute("reference", reference);
        model.addAttribute("name", name);
        model.addAttribute("document", document);
        return "search";
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
