package com.followthrough.policy;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Durations as the pages write them, saying their basis: "3 d 4 h", "2 h 5 min", "12 h 30 min working time" (German
 * "3 T. 4 Std.", …), from messages.properties ({@code dashboard.duration.*}: the dashboard wrote them first). One
 * wording for the dashboard, the outreach pages and the stories, so a figure reads the same wherever it is shown. Bean
 * {@code durationWords}, for templates too.
 */
@Component("durationWords")
public class DurationWords {

    private final MessageSource messages;

    public DurationWords(MessageSource messages) {
        this.messages = messages;
    }

    /** In the reader's language (the request's). */
    public String of(Duration duration, TimeBasis basis) {
        return of(duration, basis, LocaleContextHolder.getLocale());
    }

    /** {@code seconds} in the reader's language; empty for none (a template's missing median). */
    public String seconds(Long seconds, TimeBasis basis) {
        return seconds == null ? "" : of(Duration.ofSeconds(seconds), basis);
    }

    public String of(Duration duration, TimeBasis basis, Locale locale) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (basis == TimeBasis.BUSINESS) {
            long allHours = duration.toHours();
            String said = allHours > 0 ? format(locale, "dashboard.duration.hours", allHours, minutes)
                    : format(locale, "dashboard.duration.minutes", minutes);
            return format(locale, "dashboard.duration.working", said);
        }
        if (days > 0) {
            return format(locale, "dashboard.duration.days", days, hours);
        }
        return hours > 0 ? format(locale, "dashboard.duration.hours", hours, minutes)
                : format(locale, "dashboard.duration.minutes", minutes);
    }

    private String format(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
