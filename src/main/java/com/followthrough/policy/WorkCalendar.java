package com.followthrough.policy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;

/**
 * A business calendar: a time zone, working hours per weekday and holidays, and the arithmetic "add this much
 * business time to that instant". Pure {@code java.time}, no engine types; the engine's timers, the task due dates
 * and later the dashboard's ages all ask this one object.
 *
 * <p>How an amount of business time is counted ({@link #plus(Instant, Duration)}):
 * <ul>
 * <li>whole days ({@code P1D} = {@code PT24H}, {@code P3D}) are <em>business days</em>: the same local time on the
 * n-th next working day (a hand-off on Friday 16:00 plus one business day is Monday 16:00, in the calendar's zone,
 * whatever the DST offset). If that day's hours do not cover that time, the result is its next opening (a break, or
 * before opening) or its closing time (after closing);</li>
 * <li>the rest ({@code PT4H}) is <em>working time</em>: counted only while the office is open, carried over nights,
 * weekends and holidays;</li>
 * <li>a start outside working time counts from the next opening (Saturday 10:00 plus four hours is Monday 13:00 with
 * 09:00-17:00 hours); a zero amount is the start itself.</li>
 * </ul>
 * Every loop is bounded: a week with working time and a finite list of holidays always has a next working moment
 * within {@code 7 × (holidays + 2)} days, and a week without working time is refused when the calendar is built.
 */
public final class WorkCalendar {

    private final ZoneId zone;
    private final WorkingDays working;

    /**
     * @throws IllegalArgumentException when the hours of a day overlap, or no day has working hours
     */
    public WorkCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingHours>> week, Collection<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.working = new WorkingDays(zone, week, holidays);
    }

    /** Monday to Friday, {@code from}–{@code to}, no holidays. */
    public static WorkCalendar weekdays(ZoneId zone, String from, String to) {
        Map<DayOfWeek, List<WorkingHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(WorkingHours.of(from, to)));
            }
        }
        return new WorkCalendar(zone, week, List.of());
    }

    public WorkCalendar withHolidays(Collection<LocalDate> moreHolidays) {
        List<LocalDate> all = new ArrayList<>(working.holidays());
        all.addAll(moreHolidays);
        return new WorkCalendar(zone, working.week(), all);
    }

    /** The zone the hours are read in: the default for what people read (due times in mails and pages). */
    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<WorkingHours>> week() {
        return working.week();
    }

    public NavigableSet<LocalDate> holidays() {
        return working.holidays();
    }

    public boolean isWorkingDay(LocalDate date) {
        return working.isWorkingDay(date);
    }

    public boolean isWorkingTime(Instant instant) {
        return nextWorkingMoment(instant).equals(instant);
    }

    /** {@code amount} counted as {@code basis} says: {@link TimeBasis#CALENDAR} is plain elapsed time. */
    public Instant plus(Instant start, Duration amount, TimeBasis basis) {
        return basis == TimeBasis.CALENDAR ? start.plus(amount) : plus(start, amount);
    }

    /** {@code amount} of business time after {@code start}: whole days as business days, the rest as working time. */
    public Instant plus(Instant start, Duration amount) {
        requireNotNegative(amount);
        if (amount.isZero()) {
            return start;
        }
        long days = amount.toDays();
        Duration rest = amount.minusDays(days);
        Instant afterDays = days > 0 ? plusBusinessDays(start, days) : start;
        return rest.isZero() ? afterDays : plusWorkingTime(afterDays, rest);
    }

    /** The same local time {@code days} working days later (counted from the next working moment). */
    public Instant plusBusinessDays(Instant start, long days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        Instant from = nextWorkingMoment(start);
        if (days == 0) {
            return from;
        }
        ZonedDateTime local = from.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (long i = 0; i < days; i++) {
            date = working.nextWorkingDay(date);
        }
        return working.placeOn(date, local.toLocalTime());
    }

    /** {@code amount} of time the office is open, starting at {@code start} (or at the next opening). */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        requireNotNegative(amount);
        Instant at = start;
        Duration remaining = amount;
        // Each round ends one stretch of working hours (only DST can shorten one, twice a year): bounded.
        long rounds = 2 * (remaining.getSeconds() / Math.max(1, working.shortestHours().getSeconds())) + 16;
        for (long round = 0; round < rounds; round++) {
            WorkingDays.Span span = working.spanAtOrAfter(at);
            Instant from = span.start().isAfter(at) ? span.start() : at;
            Duration open = Duration.between(from, span.end());
            if (remaining.compareTo(open) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(open);
            at = span.end();
        }
        throw new IllegalStateException("Counting " + amount + " of working time from " + start
                + " did not finish within " + rounds + " stretches of working hours");
    }

    /** {@code instant} itself during working hours, else the next opening. */
    public Instant nextWorkingMoment(Instant instant) {
        WorkingDays.Span span = working.spanAtOrAfter(instant);
        return span.start().isAfter(instant) ? span.start() : instant;
    }

    /** Working time between two instants (zero if {@code to} is not after {@code from}): for ages in business time. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (WorkingDays.Span span : working.spans(date)) {
                Instant start = span.start().isAfter(from) ? span.start() : from;
                Instant end = span.end().isBefore(to) ? span.end() : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /**
     * Business time between two instants, counted the way {@link #plus(Instant, Duration)} adds it, so that
     * {@code plus(from, businessTimeBetween(from, to))} is {@code to} (or the working moment it stands for): the whole
     * business days that fit (as {@code P1D} units), then the working time after them. For ages such as "handed off 2
     * business days ago"; zero if {@code to} is not after {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Instant start = nextWorkingMoment(from);
        ZonedDateTime local = start.atZone(zone);
        LocalDate date = local.toLocalDate();
        Instant afterDays = start;
        long days = 0;
        // Each round moves at least one day forward, and stops once past {@code to}: bounded by the days in between.
        while (true) {
            LocalDate next = working.nextWorkingDay(date);
            Instant candidate = working.placeOn(next, local.toLocalTime());
            if (candidate.isAfter(to)) {
                break;
            }
            date = next;
            afterDays = candidate;
            days++;
        }
        return Duration.ofDays(days).plus(workingTimeBetween(afterDays, to));
    }

    private static void requireNotNegative(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
    }

    @Override
    public String toString() {
        return "WorkCalendar[" + zone + ", " + working.week() + ", " + working.holidays().size() + " holidays]";
    }

}
