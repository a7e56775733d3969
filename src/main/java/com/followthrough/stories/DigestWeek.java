package com.followthrough.stories;

import com.followthrough.policy.WorkCalendar;
import com.followthrough.policy.WorkingHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The digest's weeks on the business calendar: a week runs Monday 00:00 to Monday 00:00 in the calendar's zone (so
 * everyone's numbers are the same), and its digest goes out in the next week, at the opening of that week's first
 * working day on each reader's own clock (Monday 09:00 in New York for Paul, Monday 09:00 in Berlin for Alice; Tuesday
 * after a Monday holiday), never before the week it tells has ended.
 */
@Component
class DigestWeek {

    private final WorkCalendar calendar;

    DigestWeek(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** The Monday of the week {@code instant} is in. */
    LocalDate mondayOf(Instant instant) {
        return instant.atZone(calendar.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Instant start(LocalDate monday) {
        return monday.atStartOfDay(calendar.zone()).toInstant();
    }

    Instant end(LocalDate monday) {
        return start(monday.plusWeeks(1));
    }

    /**
     * When the digest of the week of {@code weekOf} goes out to a reader in {@code zone}: the opening of the next
     * week's first working day on their clock; empty when that week has no working day (no digest then).
     */
    Optional<Instant> sendAt(LocalDate weekOf, ZoneId zone) {
        LocalDate next = weekOf.plusWeeks(1);
        for (LocalDate day = next; day.isBefore(next.plusWeeks(1)); day = day.plusDays(1)) {
            List<WorkingHours> hours = calendar.week().getOrDefault(day.getDayOfWeek(), List.of());
            if (calendar.isWorkingDay(day) && !hours.isEmpty()) {
                Instant opening = day.atTime(Collections.min(hours).from()).atZone(zone).toInstant();
                Instant weekEnd = end(weekOf);
                return Optional.of(opening.isBefore(weekEnd) ? weekEnd : opening);
            }
        }
        return Optional.empty();
    }
}
