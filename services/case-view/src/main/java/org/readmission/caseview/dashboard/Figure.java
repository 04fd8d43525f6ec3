package org.readmission.caseview.dashboard;

import java.util.List;

/**
 * One figure of the dashboard or the report, with the cases behind it.
 *
 * @param id      stable id, used in the link to its cases ({@code /dashboard/figures/{id}})
 * @param label   message key of its label
 * @param args    arguments of the label (party codes, procedure, period …)
 * @param value   the number
 * @param unit    {@code count}, {@code percent} or {@code days}
 * @param caseIds the cases it counts or measures
 */
public record Figure(String id, String label, List<String> args, double value, String unit, List<String> caseIds) {

    public String display() {
        if ("count".equals(unit)) {
            return String.valueOf(Math.round(value));
        }
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
