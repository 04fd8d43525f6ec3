package org.readmission.caseview.dashboard;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.readmission.caseview.cases.CaseIndex;
import org.readmission.caseview.security.CurrentOfficer;
import org.readmission.caseview.security.Officer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The supervisors' dashboard, the Joint Readmission Committee's statistics report (printable page and CSV) and,
 * behind every figure, the list of its cases. All over the supervisor's party's cases.
 */
@Controller
class DashboardController {

    private final CaseIndex index;
    private final CurrentOfficer officer;
    private final Clock clock;
    private final MessageSource messages;

    DashboardController(CaseIndex index, CurrentOfficer officer, Clock clock, MessageSource messages) {
        this.index = index;
        this.officer = officer;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        model.addAttribute("report", report(from, to));
        period(model, from, to);
        return "dashboard";
    }

    @GetMapping("/dashboard/report")
    String report(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to, Model model) {
        model.addAttribute("report", report(from, to));
        period(model, from, to);
        return "report";
    }

    @GetMapping(value = "/dashboard/report.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        Statistics.Report report = report(from, to);
        StringBuilder csv = new StringBuilder("figure,label,value,unit,cases,cases_link\r\n");
        for (Figure f : report.all()) {
            String label = messages.getMessage(f.label(), f.args().toArray(), f.label(), LocaleContextHolder.getLocale());
            csv.append(quote(f.id())).append(',').append(quote(label)).append(',').append(f.display()).append(',')
                    .append(f.unit()).append(',').append(f.caseIds().size()).append(',')
                    .append(quote("/dashboard/figures/" + f.id() + query(from, to))).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"readmission-statistics-" + officer.get().party() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/dashboard/figures/{id}")
    String figure(@PathVariable String id, @RequestParam(required = false) LocalDate from,
                  @RequestParam(required = false) LocalDate to, Model model) {
        Officer me = officer.get();
        Figure figure = report(from, to).figure(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("figure", figure);
        model.addAttribute("rows", index.byIds(me.scope(), figure.caseIds()));
        period(model, from, to);
        return "figure";
    }

    private Statistics.Report report(LocalDate from, LocalDate to) {
        Officer me = officer.get();
        Statistics.Period period = new Statistics.Period(from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return Statistics.of(index.all(me.scope()), period, clock.instant());
    }

    private void period(Model model, LocalDate from, LocalDate to) {
        model.addAttribute("officer", officer.get());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("periodQuery", query(from, to));
    }

    private static String query(LocalDate from, LocalDate to) {
        String q = (from == null ? "" : "from=" + from) + (to == null ? "" : (from == null ? "" : "&") + "to=" + to);
        return q.isEmpty() ? "" : "?" + q;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
