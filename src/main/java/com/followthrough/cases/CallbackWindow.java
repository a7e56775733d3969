package com.followthrough.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * When the customer wants to be called: {@code from}–{@code to} on {@code date}, on the customer's own clock
 * ({@code zone}), and the same hours on every day after it: if a call does not happen in the window the customer named,
 * the same hours the next day are the next window. Local times are turned into instants per day, so a window keeps its
 * hours across a change to or from summer time (14:00 in London is 14:00 GMT in winter and 13:00 UTC in summer).
 */
public record CallbackWindow(LocalDate date, LocalTime from, LocalTime to, ZoneId zone) {

    /** Windows further out than this many days are not looked for (a window always recurs, so this is never hit). */
    private static final int HORIZON_DAYS = 3_660;
    private static final MessageSource ENGLISH = english();
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    public CallbackWindow {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A callback window must end after it starts: " + from + "–" + to);
        }
    }

    /** One day's window as instants: {@code [start, end)}. */
    public record Occurrence(Instant start, Instant end) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    public Occurrence on(LocalDate day) {
        return new Occurrence(ZonedDateTime.of(day, from, zone).toInstant(), ZonedDateTime.of(day, to, zone).toInstant());
    }

    /** The first window that has not ended at {@code instant} (it may be running then). */
    public Occurrence next(Instant instant) {
        LocalDate day = date.isAfter(instant.atZone(zone).toLocalDate().minusDays(1)) ? date
                : instant.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < HORIZON_DAYS; i++, day = day.plusDays(1)) {
            Occurrence occurrence = on(day);
            if (occurrence.end().isAfter(instant)) {
                return occurrence;
            }
        }
        throw new IllegalStateException("No callback window within " + HORIZON_DAYS + " days of " + instant);
    }

    /** The first instant at or after {@code earliest} inside a window: {@code earliest} itself, or the next start. */
    public Instant firstMomentFrom(Instant earliest) {
        Occurrence next = next(earliest);
        return next.start().isAfter(earliest) ? next.start() : earliest;
    }

    /** Whether {@code instant} falls in the window the customer named or in one of the days after it. */
    public boolean contains(Instant instant) {
        return next(instant).contains(instant);
    }

    /**
     * The next window as a person reads it, in English: "Tue 31 Mar, 14:00–16:00 London time (15:00–17:00 your time)",
     * the second part only when the reader's clock shows other hours (their date too, if that differs). For the API;
     * what people read is worded in their language ({@link #describe(Instant, ZoneId, MessageSource, Locale)}).
     */
    public String describe(Instant now, ZoneId reader) {
        return describe(now, reader, ENGLISH, Locale.ENGLISH);
    }

    /** The next window as a person reads it, in their language: the {@code window.*} texts of {@code messages}. */
    public String describe(Instant now, ZoneId reader, MessageSource messages, Locale locale) {
        return describe(next(now), zone, reader, messages, locale);
    }

    /**
     * One day's window as a reader reads it, on the customer's clock ({@code customer}) and, where it shows other
     * hours, on the reader's: for a window kept as instants (a mail written at one step and read at delivery).
     */
    public static String describe(Occurrence window, ZoneId customer, ZoneId reader, MessageSource messages,
            Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern(messages.getMessage("window.day", null, locale), locale);
        ZonedDateTime start = window.start().atZone(customer);
        ZonedDateTime end = window.end().atZone(customer);
        String theirs = messages.getMessage("window.theirs", new Object[] {day.format(start), HOURS.format(start),
                HOURS.format(end), place(customer)}, locale);
        ZonedDateTime readerStart = window.start().atZone(reader);
        ZonedDateTime readerEnd = window.end().atZone(reader);
        if (readerStart.toLocalDateTime().equals(start.toLocalDateTime())) {
            return theirs;
        }
        String readerDay = readerStart.toLocalDate().equals(start.toLocalDate()) ? "" : day.format(readerStart) + ", ";
        return messages.getMessage("window.yours", new Object[] {theirs, readerDay, HOURS.format(readerStart),
                HOURS.format(readerEnd)}, locale);
    }

    /** "London" for Europe/London, "New York" for America/New_York; an offset as it is. */
    public static String place(ZoneId zone) {
        String id = zone.getId();
        return id.contains("/") ? id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') : id;
    }

    /** Whether the first window has ended: a window is recorded for the future. */
    public boolean endsBefore(Instant instant) {
        return !on(date).end().isAfter(instant);
    }

    /** The English words, whatever the server's locale (for the API). */
    private static MessageSource english() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
