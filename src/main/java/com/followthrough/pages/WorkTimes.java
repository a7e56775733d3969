package com.followthrough.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * My work's times, for the template: due times on the reader's clock, 24-hour and without the zone (the page names it
 * once), and ages in words ("2 h ago"), in the reader's language.
 */
public final class WorkTimes {

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final Instant now;
    private final DateTimeFormatter day;

    WorkTimes(MessageSource messages, Locale locale, ZoneId zone, Instant now) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
        this.now = now;
        this.day = DateTimeFormatter.ofPattern(text("mywork.date.pattern"), locale);
    }

    /** "14:00" today, "Tue 3 Mar, 14:00" this year, "Tue 3 Mar 2027, 14:00" otherwise; empty for no time. */
    public String due(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(zone);
        String time = DateTimeFormatter.ofPattern("HH:mm", locale).format(at);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (at.toLocalDate().equals(today)) {
            return text("mywork.today", time);
        }
        String date = day.format(at) + (at.getYear() == today.getYear() ? "" : " " + at.getYear());
        return date + ", " + time;
    }

    /** "just now", "5 min ago", "2 h ago", "3 d ago": whole units, rounded down. */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration age = Duration.between(since, now);
        if (age.toMinutes() < 1) {
            return text("mywork.age.now");
        }
        if (age.toHours() < 1) {
            return text("mywork.age.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return text("mywork.age.hours", age.toHours());
        }
        return text("mywork.age.days", age.toDays());
    }

    /** The reader's zone, named once on the page: "Europe/Berlin (Central European Time)". */
    public String zoneName() {
        return zone.getId() + " (" + zone.getDisplayName(TextStyle.FULL, locale) + ")";
    }

    public boolean isOverdue(Instant due) {
        return due != null && due.isBefore(now);
    }

    public boolean isDueToday(Instant due) {
        return due != null && !isOverdue(due) && LocalDate.ofInstant(due, zone).equals(LocalDate.ofInstant(now, zone));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
