package com.followthrough.dashboard;

import com.followthrough.audit.FindingKind;
import com.followthrough.cases.CaseStatus;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's words that the server writes (stage and aging labels, durations, the auditor's findings), in the
 * language of the request (messages.properties, {@code dashboard.stage.*}, {@code dashboard.bucket.*},
 * {@code dashboard.duration.*}, {@code audit.finding.*}); English where a key is missing.
 */
@Component
class DashboardWords {

    private final MessageSource messages;

    DashboardWords(MessageSource messages) {
        this.messages = messages;
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

    /** "3 d 4 h", "2 h 5 min", "12 h 30 min working time" (German: "3 T 4 Std.", …). */
    String duration(Duration duration, TimeBasis basis) {
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        String said;
        if (basis == TimeBasis.BUSINESS) {
            long allHours = duration.toHours();
            said = allHours > 0 ? format("dashboard.duration.hours", allHours, minutes)
                    : format("dashboard.duration.minutes", minutes);
            return format("dashboard.duration.working", said);
        }
        if (days > 0) {
            return format("dashboard.duration.days", days, hours);
        }
        return hours > 0 ? format("dashboard.duration.hours", hours, minutes)
                : format("dashboard.duration.minutes", minutes);
    }

    /** {@link #duration} on one basis, for {@link Figures.Durations#of}. */
    Function<Duration, String> durations(TimeBasis basis) {
        return duration -> duration(duration, basis);
    }

    private String format(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private String text(String key, String otherwise) {
        return messages.getMessage(key, null, otherwise, LocaleContextHolder.getLocale());
    }
}
