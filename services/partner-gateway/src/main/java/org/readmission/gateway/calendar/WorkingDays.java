package org.readmission.gateway.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/**
 * Working days of a state: Monday to Friday except its public holidays, taken from the maintained
 * jollyday library (Azerbaijan's movable religious holidays included), never from a hand-written list.
 */
@Component
public class WorkingDays {

    private final Map<String, HolidayManager> calendars = new ConcurrentHashMap<>();

    public boolean isWorkingDay(String country, LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !calendar(country).isHoliday(day);
    }

    /** The date {@code workingDays} working days after {@code from} (the day itself not counted). */
    public LocalDate addWorkingDays(String country, LocalDate from, int workingDays) {
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(country, day)) {
                counted++;
            }
        }
        return day;
    }

    private HolidayManager calendar(String country) {
        return calendars.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
}
