package com.followthrough.dashboard;

import com.followthrough.policy.TimeBasis;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ages and durations on the dashboard, counted on one basis ({@code followthrough.dashboard.age-basis}): business
 * time is working time on the deployment's business calendar ({@link WorkCalendar#workingTimeBetween}), with whole
 * days as business days for the aging buckets (the same rule as the policy's timers); calendar time is elapsed time.
 */
@Component
class Ages {

    /** The aging buckets, by their upper bound in days (null: no bound). */
    enum Bucket {
        UNDER_1_DAY("under 1 day", 1), DAYS_1_TO_3("1–3 days", 3), DAYS_3_TO_7("3–7 days", 7),
        OVER_A_WEEK("over a week", null);

        final String label;
        final Integer upToDays;

        Bucket(String label, Integer upToDays) {
            this.label = label;
            this.upToDays = upToDays;
        }
    }

    private final WorkCalendar calendar;
    private final TimeBasis basis;

    Ages(WorkCalendar calendar, DashboardProperties properties) {
        this.calendar = calendar;
        this.basis = properties.ageBasis();
    }

    TimeBasis basis() {
        return basis;
    }

    /** "business time (working hours on the business calendar; days are business days)" or "calendar time". */
    String label() {
        return basis == TimeBasis.BUSINESS
                ? "business time: working hours on the business calendar (" + calendar.zone() + "), days are business days"
                : "calendar time: elapsed time around the clock";
    }

    Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return basis == TimeBasis.BUSINESS ? calendar.workingTimeBetween(from, to) : Duration.between(from, to);
    }

    /**
     * Which bucket something that started at {@code since} is in at {@code now}: under 1 day if now is before since +
     * 1 day.
     */
    Bucket bucket(Instant since, Instant now) {
        for (Bucket bucket : Bucket.values()) {
            if (bucket.upToDays == null
                    || now.isBefore(calendar.plus(since, Duration.ofDays(bucket.upToDays), basis))) {
                return bucket;
            }
        }
        return Bucket.OVER_A_WEEK;
    }

    /**
     * The latest start, to the microsecond the database keeps, that is at least {@code days} old at {@code now}: a
     * start is that old exactly when it is at or before this instant, because a later start never ends a day earlier
     * ({@code plus} is monotonic). The database then counts and lists each bucket as a range of {@code opened_at}
     * instead of the application asking the calendar once per case; found by binary search in about 50 steps.
     */
    Instant latestStartAged(int days, Instant now) {
        Duration age = Duration.ofDays(days);
        // A decade back always has that many working days; now itself is younger than any whole day.
        long aged = micros(now.minus(Duration.ofDays(3650)));
        long younger = micros(now) + 1;
        while (younger - aged > 1) {
            long middle = aged + (younger - aged) / 2;
            if (now.isBefore(calendar.plus(instant(middle), age, basis))) {
                younger = middle;
            } else {
                aged = middle;
            }
        }
        return instant(aged);
    }

    /** The starts in a bucket: after {@code after} and at or before {@code atOrBefore} (null: no such bound). */
    record Range(Instant after, Instant atOrBefore) {

        boolean contains(Instant start) {
            return (after == null || start.isAfter(after)) && (atOrBefore == null || !start.isAfter(atOrBefore));
        }
    }

    /** Each bucket's range of starts at {@code now}, youngest bucket first. */
    Map<Bucket, Range> ranges(Instant now) {
        Map<Bucket, Range> ranges = new EnumMap<>(Bucket.class);
        Instant atOrBefore = null;
        for (Bucket bucket : Bucket.values()) {
            Instant after = bucket.upToDays == null ? null : latestStartAged(bucket.upToDays, now);
            ranges.put(bucket, new Range(after, atOrBefore));
            atOrBefore = after;
        }
        return ranges;
    }

    private static long micros(Instant instant) {
        return Math.multiplyExact(instant.getEpochSecond(), 1_000_000L) + instant.getNano() / 1_000;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }
}
