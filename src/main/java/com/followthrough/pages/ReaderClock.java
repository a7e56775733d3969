package com.followthrough.pages;

import com.followthrough.policy.ReaderTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the signed-in person reads them, for templates: in their zone (from {@link ReaderTime}) with the zone's
 * name, and whether a due time is overdue or due today on their calendar.
 */
public final class ReaderClock {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z", Locale.UK);

    private final ZoneId zone;
    private final Instant now;

    ReaderClock(ReaderTime readerTime, String userId, Instant now) {
        this.zone = readerTime.zoneOf(userId);
        this.now = now;
    }

    /** "Tue 3 Mar 2026, 14:05 CET"; an empty string for no time. */
    public String at(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>}: the instant in ISO-8601. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public boolean isOverdue(Instant due) {
        return due != null && due.isBefore(now);
    }

    /** Due later today, on the reader's calendar. */
    public boolean isDueToday(Instant due) {
        return due != null && !isOverdue(due) && LocalDate.ofInstant(due, zone).equals(LocalDate.ofInstant(now, zone));
    }

    /** The CSS class of a due time: {@code overdue}, {@code due-today} or none. */
    public String dueClass(Instant due) {
        return isOverdue(due) ? "overdue" : isDueToday(due) ? "due-today" : "";
    }

    /** The words beside a due time, so the state is not told by colour alone. */
    public String dueLabel(Instant due) {
        return isOverdue(due) ? "Overdue" : isDueToday(due) ? "Due today" : "";
    }

    public String zone() {
        return zone.getId();
    }
}
