package com.followthrough.policy;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Holidays from an iCalendar ({@code .ics}) file, read with biweekly: every {@code VEVENT} makes the days from its
 * {@code DTSTART} date up to its {@code DTEND} date (exclusive; at least one day) non-working. Events with an
 * {@code RRULE} (a yearly public holiday) repeat up to {@code lastYear}, at most {@value #MAX_OCCURRENCES} times.
 * Whole days only: a half-day holiday marks the whole day.
 */
final class IcsHolidays {

    static final int MAX_OCCURRENCES = 500;
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private IcsHolidays() {
    }

    /** @throws IllegalArgumentException when the text is not an iCalendar file, or an event has no start date */
    static List<LocalDate> read(InputStream in, int lastYear) throws IOException {
        List<ICalendar> calendars = Biweekly.parse(in).all();
        if (calendars.isEmpty()) {
            throw new IllegalArgumentException("not an iCalendar file: no BEGIN:VCALENDAR found");
        }
        List<LocalDate> days = new ArrayList<>();
        for (ICalendar calendar : calendars) {
            for (VEvent event : calendar.getEvents()) {
                days.addAll(daysOf(event, lastYear));
            }
        }
        return days;
    }

    private static List<LocalDate> daysOf(VEvent event, int lastYear) {
        String name = event.getSummary() == null ? "(no SUMMARY)" : event.getSummary().getValue();
        if (event.getDateStart() == null || event.getDateStart().getValue() == null) {
            throw new IllegalArgumentException("event '" + name + "' has no valid DTSTART");
        }
        LocalDate start;
        try {
            start = date(event.getDateStart().getValue().getRawComponents());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("event '" + name + "' has no valid DTSTART: " + e.getMessage(), e);
        }
        long length = 1;
        if (event.getDateEnd() != null && event.getDateEnd().getValue() != null) {
            ICalDate end = event.getDateEnd().getValue();
            LocalDate endDate = date(end.getRawComponents());
            boolean endsAtMidnight = !end.hasTime() || (end.getRawComponents().getHour() == 0
                    && end.getRawComponents().getMinute() == 0 && end.getRawComponents().getSecond() == 0);
            length = Math.max(1, ChronoUnit.DAYS.between(start, endsAtMidnight ? endDate : endDate.plusDays(1)));
        } else if (event.getDuration() != null && event.getDuration().getValue() != null) {
            long millis = event.getDuration().getValue().toMillis();
            length = Math.max(1, (millis + 86_399_999L) / 86_400_000L);
        }
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        if (event.getRecurrenceRule() == null) {
            starts.add(start);
        } else {
            DateIterator occurrences = event.getDateIterator(UTC);
            while (occurrences.hasNext() && starts.size() < MAX_OCCURRENCES) {
                Date next = occurrences.next();
                LocalDate occurrence = date(new DateTimeComponents(next, UTC));
                if (occurrence.getYear() > lastYear) {
                    break;
                }
                starts.add(occurrence);
            }
        }
        for (LocalDate first : starts) {
            for (long i = 0; i < length; i++) {
                days.add(first.plusDays(i));
            }
        }
        return days;
    }

    private static LocalDate date(DateTimeComponents components) {
        return LocalDate.of(components.getYear(), components.getMonth(), components.getDate());
    }
}
