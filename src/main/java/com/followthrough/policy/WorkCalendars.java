package com.followthrough.policy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Builds the {@link WorkCalendar} from {@code followthrough.calendar}; every error names the setting. */
final class WorkCalendars {

    static final String PREFIX = "followthrough.calendar";
    /** Repeating holidays of an {@code .ics} file are expanded this many years ahead. */
    static final int ICS_YEARS_AHEAD = 20;

    private WorkCalendars() {
    }

    static BusinessCalendars all(CalendarProperties properties, ResourceLoader resources, Clock clock) {
        WorkCalendar standard = from(properties, resources, clock);
        Map<String, WorkCalendar> teams = new LinkedHashMap<>();
        for (var team : properties.teams().entrySet()) {
            String prefix = PREFIX + ".teams." + team.getKey();
            if (!team.getKey().matches("[A-Za-z0-9_.-]+")) {
                throw invalid(prefix, "a team id has only letters, digits, '-', '_' and '.'");
            }
            CalendarProperties.TeamCalendar own = team.getValue();
            boolean ownHolidays = own.holidays() != null || own.holidaysFile() != null;
            CalendarProperties merged = new CalendarProperties(
                    own.zone() != null ? own.zone() : properties.zone(),
                    own.hours() != null ? own.hours() : properties.hours(),
                    ownHolidays ? own.holidays() : properties.holidays(),
                    ownHolidays ? own.holidaysFile() : properties.holidaysFile(),
                    Map.of());
            teams.put(team.getKey(), from(merged, resources, clock, prefix));
        }
        return new BusinessCalendars(standard, teams);
    }

    static WorkCalendar from(CalendarProperties properties, ResourceLoader resources, Clock clock) {
        return from(properties, resources, clock, PREFIX);
    }

    private static WorkCalendar from(CalendarProperties properties, ResourceLoader resources, Clock clock,
            String prefix) {
        Map<DayOfWeek, List<WorkingHours>> week = week(properties.hours(), prefix);
        List<LocalDate> holidays = new ArrayList<>();
        for (int i = 0; i < properties.holidays().size(); i++) {
            String text = properties.holidays().get(i).trim();
            try {
                holidays.add(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                throw invalid(prefix + ".holidays[" + i + "]", "'" + text + "' is not a date like 2026-12-25");
            }
        }
        if (properties.holidaysFile() != null && !properties.holidaysFile().isBlank()) {
            int lastYear = clock.instant().atZone(properties.zone()).getYear() + ICS_YEARS_AHEAD;
            holidays.addAll(readIcs(properties.holidaysFile().trim(), resources, lastYear, prefix));
        }
        WorkCalendar calendar;
        try {
            calendar = new WorkCalendar(properties.zone(), week, holidays);
        } catch (IllegalArgumentException e) {
            throw invalid(prefix + ".hours", e.getMessage());
        }
        try {
            calendar.nextWorkingMoment(clock.instant());
        } catch (IllegalStateException e) {
            throw invalid(prefix + ".holidays", "the holidays leave no working time: " + e.getMessage());
        }
        return calendar;
    }

    private static Map<DayOfWeek, List<WorkingHours>> week(Map<String, List<String>> hours, String prefix) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (var entry : hours.entrySet()) {
            String setting = prefix + ".hours." + entry.getKey();
            DayOfWeek day;
            try {
                day = DayOfWeek.valueOf(entry.getKey().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(setting, "'" + entry.getKey() + "' is not a day of the week (monday … sunday)");
            }
            if (week.containsKey(day)) {
                throw invalid(setting, day + " is configured twice");
            }
            List<WorkingHours> ranges = new ArrayList<>();
            for (String text : entry.getValue() == null ? List.<String>of() : entry.getValue()) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    ranges.add(WorkingHours.parse(text));
                } catch (IllegalArgumentException e) {
                    throw invalid(setting, e.getMessage());
                }
            }
            Collections.sort(ranges);
            for (int i = 1; i < ranges.size(); i++) {
                if (ranges.get(i - 1).overlaps(ranges.get(i))) {
                    throw invalid(setting, "hours overlap: " + ranges.get(i - 1) + " and " + ranges.get(i));
                }
            }
            week.put(day, ranges);
        }
        return week;
    }

    private static List<LocalDate> readIcs(String location, ResourceLoader resources, int lastYear, String prefix) {
        String setting = prefix + ".holidays-file";
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            throw invalid(setting, "no file at '" + location + "'");
        }
        try (InputStream in = resource.getInputStream()) {
            return IcsHolidays.read(in, lastYear);
        } catch (IOException | RuntimeException e) {
            throw invalid(setting, "cannot read '" + location + "' as iCalendar: " + e.getMessage());
        }
    }

    private static IllegalArgumentException invalid(String setting, String problem) {
        return new IllegalArgumentException("Invalid business calendar, " + setting + ": " + problem);
    }
}
