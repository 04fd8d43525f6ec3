package org.readmission.caseview.cases;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Deadlines no event states, estimated so that a task can show a due date. The engine computes the authoritative
 * ones with the requested state's holiday calendar; the estimate says so in its explanation.
 */
public final class EstimatedDeadlines {

    static final int TRAVEL_DOCUMENT_WORKING_DAYS = 5;

    private EstimatedDeadlines() {
    }

    /** The travel document is due within 5 working days of the approval (weekends skipped, holidays not known here). */
    public static CaseFile.Deadline travelDocument(Instant decidedAt) {
        LocalDate day = LocalDate.ofInstant(decidedAt, ZoneOffset.UTC);
        int counted = 0;
        while (counted < TRAVEL_DOCUMENT_WORKING_DAYS) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        Instant due = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new CaseFile.Deadline("TRAVEL_DOCUMENT", decidedAt, due, "5 working days after the approval",
                "Monday to Friday (public holidays not applied)", "eu-az/1", "EU–AZ agreement (Commission summary)",
                "ESTIMATED", "Estimated by the case view from the decision date: 5 working days, weekends skipped;"
                + " the engine's deadline, which applies the requested state's public holidays, is authoritative.");
    }
}
