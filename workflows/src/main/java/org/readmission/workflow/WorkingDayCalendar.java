package org.readmission.workflow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days and time zone of one state: Saturday and Sunday are not working days, nor are the state's public
 * holidays as maintained by jollyday (Azerbaijan's movable religious holidays included). Observances that are not
 * days off (e.g. Good Friday in the Netherlands) are working days.
 */
public final class WorkingDayCalendar {

  /** The time zone of the authorities of each state that can be a party (capital's zone). */
  private static final Map<String, ZoneId> ZONES = Map.ofEntries(
      Map.entry("AZ", ZoneId.of("Asia/Baku")),
      Map.entry("AT", ZoneId.of("Europe/Vienna")), Map.entry("BE", ZoneId.of("Europe/Brussels")),
      Map.entry("BG", ZoneId.of("Europe/Sofia")), Map.entry("HR", ZoneId.of("Europe/Zagreb")),
      Map.entry("CY", ZoneId.of("Asia/Nicosia")), Map.entry("CZ", ZoneId.of("Europe/Prague")),
      Map.entry("DK", ZoneId.of("Europe/Copenhagen")), Map.entry("EE", ZoneId.of("Europe/Tallinn")),
      Map.entry("FI", ZoneId.of("Europe/Helsinki")), Map.entry("FR", ZoneId.of("Europe/Paris")),
      Map.entry("DE", ZoneId.of("Europe/Berlin")), Map.entry("GR", ZoneId.of("Europe/Athens")),
      Map.entry("HU", ZoneId.of("Europe/Budapest")), Map.entry("IE", ZoneId.of("Europe/Dublin")),
      Map.entry("IT", ZoneId.of("Europe/Rome")), Map.entry("LV", ZoneId.of("Europe/Riga")),
      Map.entry("LT", ZoneId.of("Europe/Vilnius")), Map.entry("LU", ZoneId.of("Europe/Luxembourg")),
      Map.entry("MT", ZoneId.of("Europe/Malta")), Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
      Map.entry("PL", ZoneId.of("Europe/Warsaw")), Map.entry("PT", ZoneId.of("Europe/Lisbon")),
      Map.entry("RO", ZoneId.of("Europe/Bucharest")), Map.entry("SK", ZoneId.of("Europe/Bratislava")),
      Map.entry("SI", ZoneId.of("Europe/Ljubljana")), Map.entry("ES", ZoneId.of("Europe/Madrid")),
      Map.entry("SE", ZoneId.of("Europe/Stockholm")));

  /** English names where jollyday's shared description does not fit the state (the dates are jollyday's). */
  private static final Map<String, String> NAME_CORRECTIONS = Map.of(
      "AZ:VICTORY_DAY", "Victory Day",
      "AZ:DAY_OF_VICTORY_OVER_FASCISM", "Victory over Fascism Day");

  private final String country;
  private final ZoneId zone;
  private final HolidayManager holidays;

  private WorkingDayCalendar(String country, ZoneId zone, HolidayManager holidays) {
    this.country = country;
    this.zone = zone;
    this.holidays = holidays;
  }

  /** The calendar of a state, by ISO 3166-1 alpha-2 code ({@code AZ}, {@code NL}, ...). */
  public static WorkingDayCalendar ofCountry(String countryCode) {
    String country = countryCode.toUpperCase(Locale.ROOT);
    ZoneId zone = ZONES.get(country);
    if (zone == null) {
      throw new IllegalArgumentException("No working-day calendar for country '" + countryCode
          + "': add its time zone to WorkingDayCalendar (known: " + String.join(", ", ZONES.keySet()) + ")");
    }
    return new WorkingDayCalendar(country, zone,
        HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT))));
  }

  /** The calendar of the state of a party code such as {@code AZ-SMS} or {@code NL-DTV}. */
  public static WorkingDayCalendar ofParty(String partyCode) {
    if (partyCode == null || partyCode.length() < 2) {
      throw new IllegalArgumentException("Party code '" + partyCode + "' does not start with a country code");
    }
    return ofCountry(partyCode.substring(0, 2));
  }

  public String country() {
    return country;
  }

  public ZoneId zone() {
    return zone;
  }

  /** How the calendar counts, in words, e.g. "AZ public holidays (jollyday), weekend Saturday-Sunday, Asia/Baku". */
  public String description() {
    return country + " public holidays (jollyday), weekend Saturday-Sunday, time zone " + zone;
  }

  public boolean isWorkingDay(LocalDate day) {
    return whyNotWorking(day).isEmpty();
  }

  /** Why a day is not a working day ("Saturday", "Nowruz" ...), or empty for a working day. */
  public Optional<String> whyNotWorking(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
      return Optional.of(weekday == DayOfWeek.SATURDAY ? "Saturday" : "Sunday");
    }
    String names = holidays.getHolidays(day, day, HolidayType.PUBLIC_HOLIDAY).stream()
        .map(this::holidayName)
        .distinct()
        .sorted()
        .collect(Collectors.joining(", "));
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }

  /** The n-th working day after {@code day} ({@code day} itself is not counted). */
  public LocalDate plusWorkingDays(LocalDate day, int workingDays) {
    LocalDate current = day;
    int counted = 0;
    while (counted < workingDays) {
      current = current.plusDays(1);
      if (isWorkingDay(current)) {
        counted++;
      }
    }
    return current;
  }

  /** The n-th working day before {@code day} ({@code day} itself is not counted). */
  public LocalDate minusWorkingDays(LocalDate day, int workingDays) {
    LocalDate current = day;
    int counted = 0;
    while (counted < workingDays) {
      current = current.minusDays(1);
      if (isWorkingDay(current)) {
        counted++;
      }
    }
    return current;
  }

  /** {@code day} if it is a working day, else the next working day. */
  public LocalDate workingDayOnOrAfter(LocalDate day) {
    LocalDate current = day;
    while (!isWorkingDay(current)) {
      current = current.plusDays(1);
    }
    return current;
  }

  /** {@code day} if it is a working day, else the last working day before it. */
  public LocalDate workingDayOnOrBefore(LocalDate day) {
    LocalDate current = day;
    while (!isWorkingDay(current)) {
      current = current.minusDays(1);
    }
    return current;
  }

  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public Instant startOfDay(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }

  /** The last second of the day in this state's time zone (23:59:59). */
  public Instant endOfDay(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone).minusSeconds(1).toInstant();
  }

  private String holidayName(Holiday holiday) {
    String corrected = NAME_CORRECTIONS.get(country + ":" + holiday.getPropertiesKey());
    if (corrected != null) {
      return corrected;
    }
    String name = holiday.getDescription(Locale.ENGLISH);
    return name == null || name.isBlank() ? "public holiday" : name;
  }
}
