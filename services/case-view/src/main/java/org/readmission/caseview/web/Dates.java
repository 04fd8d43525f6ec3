package org.readmission.caseview.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.readmission.caseview.security.CurrentOfficer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Dates and times in the user's language and time zone ({@code ${@dates.moment(x)}} in the templates). */
@Component("dates")
public class Dates {

    private final CurrentOfficer officer;

    Dates(CurrentOfficer officer) {
        this.officer = officer;
    }

    public String moment(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(zone()));
    }

    public String day(Instant instant) {
        return instant == null ? "—" : day(instant.atZone(zone()).toLocalDate());
    }

    public String day(LocalDate date) {
        if (date == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    /** ISO form for the {@code datetime} attribute of {@code <time>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public ZoneId zone() {
        try {
            return officer.get().zone();
        } catch (IllegalStateException nobody) {
            return ZoneId.of("UTC");
        }
    }
}
