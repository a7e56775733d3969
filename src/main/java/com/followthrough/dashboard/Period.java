package com.followthrough.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The period of the trends: from the start of the day {@code days - 1} days ago until now, days in the calendar's zone
 * (DST included).
 */
record Period(int days, Instant from, Instant to, List<LocalDate> dates, ZoneId zone) {

    /** The periods a supervisor may choose, in days. */
    static final Set<Integer> DAYS = Set.of(7, 30, 90);

    static Period of(int days, Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        return new Period(days, first.atStartOfDay(zone).toInstant(), now, first.datesUntil(today.plusDays(1)).toList(),
                zone);
    }

    /** Where the day of {@code dates().get(index)} starts: the period's start for the first. */
    Instant dayStart(int index) {
        return index == 0 ? from : dates.get(index).atStartOfDay(zone).toInstant();
    }

    /** Where it ends, exclusive; the period's end (now, inclusive) for the last. */
    Instant dayEnd(int index) {
        return index == dates.size() - 1 ? to : dates.get(index + 1).atStartOfDay(zone).toInstant();
    }

    /** One day of it, for a list: from its start until its last microsecond, or until now for today. */
    Period day(LocalDate date) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        return new Period(1, start, end.isAfter(to) ? to : end.minusNanos(1000), List.of(date), zone);
    }

    /** The link parameter of the period ({@code &period=7}). */
    String link() {
        return "&period=" + days;
    }
}
