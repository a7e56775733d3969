package com.followthrough.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The days a {@link WorkCalendar} counts on: the working hours per weekday and the holidays, read as instants in the
 * calendar's zone. Kept apart from the arithmetic so that "which moments are open" is decided in one place and the
 * calendar only adds and measures.
 */
final class WorkingDays {

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingHours>> week;
    private final NavigableSet<LocalDate> holidays;
    private final long maxDaysWithoutWork;
    private final Duration shortestHours;

    /**
     * @throws IllegalArgumentException when the hours of a day overlap, or no day has working hours
     */
    WorkingDays(ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Collection<LocalDate> holidays) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<WorkingHours>> sorted = new EnumMap<>(DayOfWeek.class);
        Duration shortest = null;
        for (var day : week.entrySet()) {
            List<WorkingHours> hours = new ArrayList<>(day.getValue());
            Collections.sort(hours);
            for (int i = 1; i < hours.size(); i++) {
                if (hours.get(i - 1).overlaps(hours.get(i))) {
                    throw new IllegalArgumentException(day.getKey() + ": " + hours.get(i - 1) + " overlaps "
                            + hours.get(i));
                }
            }
            for (WorkingHours h : hours) {
                Duration length = Duration.between(h.from(), h.endOfDay() ? LocalTime.MAX : h.to());
                shortest = shortest == null || length.compareTo(shortest) < 0 ? length : shortest;
            }
            if (!hours.isEmpty()) {
                sorted.put(day.getKey(), List.copyOf(hours));
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no working hours on any day of the week: nothing could ever fall due");
        }
        this.week = Collections.unmodifiableMap(sorted);
        this.holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
        this.maxDaysWithoutWork = 7L * (this.holidays.size() + 2);
        this.shortestHours = shortest;
    }

    Map<DayOfWeek, List<WorkingHours>> week() {
        return week;
    }

    NavigableSet<LocalDate> holidays() {
        return holidays;
    }

    /** The shortest stretch of working hours: bounds the rounds of counting working time. */
    Duration shortestHours() {
        return shortestHours;
    }

    boolean isWorkingDay(LocalDate date) {
        return week.containsKey(date.getDayOfWeek()) && !holidays.contains(date);
    }

    LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (long i = 0; i < maxDaysWithoutWork; i++, next = next.plusDays(1)) {
            if (isWorkingDay(next) && !spans(next).isEmpty()) {
                return next;
            }
        }
        throw noWorkingTimeAfter(date.toString());
    }

    /** {@code time} on a working day, moved into its hours: to the next opening, or back to its closing time. */
    Instant placeOn(LocalDate date, LocalTime time) {
        Instant wanted = ZonedDateTime.of(date, time, zone).toInstant();
        List<Span> spans = spans(date);
        for (Span span : spans) {
            if (wanted.isBefore(span.start)) {
                return span.start;
            }
            if (wanted.isBefore(span.end)) {
                return wanted;
            }
        }
        return spans.get(spans.size() - 1).end;
    }

    /** The stretch of working hours that contains {@code instant}, or else the next one. */
    Span spanAtOrAfter(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (long i = 0; i <= maxDaysWithoutWork; i++, date = date.plusDays(1)) {
            for (Span span : spans(date)) {
                if (instant.isBefore(span.end)) {
                    return span;
                }
            }
        }
        throw noWorkingTimeAfter(instant.toString());
    }

    /** The day's working hours as instants; a stretch that DST swallows entirely is left out. */
    List<Span> spans(LocalDate date) {
        if (!isWorkingDay(date)) {
            return List.of();
        }
        List<WorkingHours> hours = week.get(date.getDayOfWeek());
        List<Span> spans = new ArrayList<>(hours.size());
        for (WorkingHours h : hours) {
            Instant start = ZonedDateTime.of(date, h.from(), zone).toInstant();
            Instant end = h.endOfDay() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, h.to(), zone).toInstant();
            if (end.isAfter(start)) {
                spans.add(new Span(start, end));
            }
        }
        return spans;
    }

    private IllegalStateException noWorkingTimeAfter(String when) {
        return new IllegalStateException("No working time within " + maxDaysWithoutWork + " days after " + when
                + ": check the business calendar's hours and holidays");
    }

    /** One stretch of working hours as instants. */
    record Span(Instant start, Instant end) {
    }
}
