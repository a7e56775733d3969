package com.followthrough.dashboard;

import com.followthrough.audit.FindingKind;
import com.followthrough.cases.CaseStatus;
import com.followthrough.policy.DurationWords;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's words that the server writes (stage and aging labels, durations, the auditor's findings, how ages
 * count, what a figure's list is), in the language of the request (messages.properties, {@code dashboard.stage.*},
 * {@code dashboard.bucket.*}, {@code dashboard.duration.*}, {@code audit.finding.*}, {@code dashboard.basis.*},
 * {@code dashboard.figure.*}); English where a key is missing.
 */
@Component
class DashboardWords {

    private final MessageSource messages;
    private final DurationWords durations;

    DashboardWords(MessageSource messages, DurationWords durations) {
        this.messages = messages;
        this.durations = durations;
    }

    String stage(CaseStatus stage, String otherwise) {
        return text("dashboard.stage." + stage.name(), otherwise);
    }

    String bucket(Ages.Bucket bucket) {
        return text("dashboard.bucket." + bucket.name(), bucket.label);
    }

    String finding(FindingKind kind) {
        return text("audit.finding." + kind.name(), kind.label());
    }

    /** How ages count, for the page's hint ({@link Ages#label()} is the API's English). */
    String basis(TimeBasis basis, ZoneId zone) {
        return messages.getMessage("dashboard.basis." + basis.name(), new Object[] {zone},
                LocaleContextHolder.getLocale());
    }

    /** What the list behind a figure is, as its page's heading says it ({@link Figure#label()} is the API's). */
    String figure(Figure figure) {
        return text("dashboard.figure." + figure.id(), figure.label());
    }

    /** "3 d 4 h", "2 h 5 min", "12 h 30 min working time" (German: "3 T. 4 Std.", …): the pages' one wording. */
    String duration(Duration duration, TimeBasis basis) {
        return durations.of(duration, basis);
    }

    /** {@link #duration} on one basis, for {@link Figures.Durations#of}. */
    Function<Duration, String> durations(TimeBasis basis) {
        return duration -> duration(duration, basis);
    }

    private String text(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }
}
