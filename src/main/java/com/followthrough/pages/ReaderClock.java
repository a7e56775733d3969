package com.followthrough.pages;

import com.followthrough.policy.ReaderTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Times as the signed-in person reads them, for templates: in their zone (from {@link ReaderTime}) with the zone's
 * name, and whether a due time is overdue or due today on their calendar; in the reader's language (the request's
 * locale, as web.Languages resolves it: "Di. 1. Dez. 2026, 11:00 MEZ" for German).
 */
public final class ReaderClock {

    private final ZoneId zone;
    private final Instant now;
    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter shown;

    ReaderClock(ReaderTime readerTime, String userId, Instant now, MessageSource messages) {
        this.zone = readerTime.zoneOf(userId);
        this.now = now;
        this.messages = messages;
        Locale language = LocaleContextHolder.getLocale();
        // English pages keep the British day-month order of the 24-hour clock ("Tue 3 Mar 2026"), not the US one.
        this.locale = language.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.UK : language;
        this.shown = DateTimeFormatter.ofPattern(
                messages.getMessage("clock.pattern", null, "EEE d MMM yyyy, HH:mm z", locale), locale);
    }

    /** "Tue 3 Mar 2026, 14:05 CET"; an empty string for no time. */
    public String at(Instant instant) {
        return instant == null ? "" : shown.format(instant.atZone(zone));
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
        return isOverdue(due) ? messages.getMessage("mywork.label.overdue", null, locale)
                : isDueToday(due) ? messages.getMessage("mywork.label.today", null, locale) : "";
    }

    public String zone() {
        return zone.getId();
    }
}
