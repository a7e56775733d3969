package com.followthrough.dashboard;

import com.followthrough.policy.TimeBasis;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
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

    /** Which bucket something that started at {@code since} is in at {@code now}: under 1 day if now is before since + 1 day. */
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
     * How many of these start times (oldest first) are in each bucket at {@code now}: the same answer as
     * {@link #bucket} for each, with a handful of calendar steps instead of up to three per case. A later start never
     * ends a day earlier ({@code plus} is monotonic), so each bucket is one run of the sorted list, and its bound is
     * found by binary search (at 50,000 open cases the per-case steps dominated the dashboard's "now").
     */
    Map<Bucket, Long> count(List<Instant> oldestFirst, Instant now) {
        Map<Bucket, Long> counts = new EnumMap<>(Bucket.class);
        int end = oldestFirst.size();
        for (Bucket bucket : Bucket.values()) {
            if (bucket.upToDays == null) {
                counts.put(bucket, (long) end);
                break;
            }
            Duration upTo = Duration.ofDays(bucket.upToDays);
            int low = 0;
            int high = end;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (now.isBefore(calendar.plus(oldestFirst.get(middle), upTo, basis))) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            counts.put(bucket, (long) (end - low));
            end = low;
        }
        return counts;
    }

    java.time.ZoneId zone() {
        return calendar.zone();
    }
}
