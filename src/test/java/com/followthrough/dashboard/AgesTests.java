package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.policy.TimeBasis;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Aging buckets and ages on both bases, at their boundaries; percentiles and wording. */
class AgesTests {

    static final WorkCalendar BERLIN = WorkCalendar.weekdays(ZoneId.of("Europe/Berlin"), "09:00", "17:00");
    static final Instant MONDAY_9 = Instant.parse("2026-06-15T07:00:00Z");

    static Ages ages(TimeBasis basis) {
        return new Ages(BERLIN, new DashboardProperties(basis, Duration.ofSeconds(15), Duration.ofSeconds(30)));
    }

    @Test
    void aCaseIsOneBusinessDayOldExactlyOneBusinessDayLater() {
        Ages business = ages(TimeBasis.BUSINESS);
        Instant tuesday9 = Instant.parse("2026-06-16T07:00:00Z");
        assertThat(business.bucket(MONDAY_9, tuesday9.minusSeconds(1))).isEqualTo(Ages.Bucket.UNDER_1_DAY);
        assertThat(business.bucket(MONDAY_9, tuesday9)).isEqualTo(Ages.Bucket.DAYS_1_TO_3);
        // Friday 16:00 + 1 business day = Monday 16:00: a weekend does not age a case in business time ...
        Instant friday16 = Instant.parse("2026-06-19T14:00:00Z");
        assertThat(business.bucket(friday16, Instant.parse("2026-06-22T13:59:59Z"))).isEqualTo(Ages.Bucket.UNDER_1_DAY);
        // ... but it does in calendar time.
        assertThat(ages(TimeBasis.CALENDAR).bucket(friday16, Instant.parse("2026-06-22T13:59:59Z")))
                .isEqualTo(Ages.Bucket.DAYS_1_TO_3);
        assertThat(business.bucket(MONDAY_9, Instant.parse("2026-06-18T07:00:00Z"))).isEqualTo(Ages.Bucket.DAYS_3_TO_7);
        assertThat(business.bucket(MONDAY_9, Instant.parse("2026-06-24T06:59:59Z"))).isEqualTo(Ages.Bucket.DAYS_3_TO_7);
        assertThat(business.bucket(MONDAY_9, Instant.parse("2026-06-24T07:00:00Z"))).isEqualTo(Ages.Bucket.OVER_A_WEEK);
    }

    @Test
    void agesCountWorkingTimeOrElapsedTime() {
        Instant tuesday11 = Instant.parse("2026-06-16T09:00:00Z");
        assertThat(ages(TimeBasis.BUSINESS).between(MONDAY_9, tuesday11)).isEqualTo(Duration.ofHours(10));
        assertThat(ages(TimeBasis.CALENDAR).between(MONDAY_9, tuesday11)).isEqualTo(Duration.ofHours(26));
        assertThat(ages(TimeBasis.BUSINESS).label()).startsWith("business time");
        assertThat(ages(TimeBasis.CALENDAR).label()).startsWith("calendar time");
    }

    @Test
    void eachBucketsRangeHoldsExactlyTheStartsThatBucketWouldGetAlone() {
        Instant now = Instant.parse("2026-06-24T10:30:00.123456Z"); // Wednesday, a week and two days after MONDAY_9
        List<Instant> starts = new java.util.ArrayList<>();
        for (Instant at = MONDAY_9.minus(Duration.ofDays(3)); at.isBefore(now); at = at.plus(Duration.ofMinutes(17))) {
            starts.add(at);
        }
        Ages withHoliday = new Ages(BERLIN.withHolidays(List.of(java.time.LocalDate.parse("2026-06-17"))),
                new DashboardProperties(TimeBasis.BUSINESS, Duration.ofSeconds(15), Duration.ofSeconds(30)));
        for (Ages ages : List.of(ages(TimeBasis.BUSINESS), ages(TimeBasis.CALENDAR), withHoliday)) {
            java.util.Map<Ages.Bucket, Ages.Range> ranges = ages.ranges(now);
            // Every bound itself and the microsecond after it: the edges the binary search must get right.
            List<Instant> probes = new java.util.ArrayList<>(starts);
            ranges.values().stream().map(Ages.Range::after).filter(java.util.Objects::nonNull)
                    .forEach(bound -> probes.addAll(List.of(bound, bound.plusNanos(1_000))));
            java.util.Set<Ages.Bucket> seen = java.util.EnumSet.noneOf(Ages.Bucket.class);
            for (Instant start : probes) {
                Ages.Bucket alone = ages.bucket(start, now);
                seen.add(alone);
                assertThat(ranges.entrySet()).filteredOn(entry -> entry.getValue().contains(start))
                        .extracting(java.util.Map.Entry::getKey).as("start %s", start).containsExactly(alone);
            }
            assertThat(seen).hasSize(4);
        }
    }

    @Test
    void durationsSayTheirBasisInTheReadersLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        DashboardWords words = new DashboardWords(messages, new com.followthrough.policy.DurationWords(messages));
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(words.duration(Duration.ofMinutes(37 * 60 + 5), TimeBasis.BUSINESS))
                    .isEqualTo("37 h 5 min working time");
            assertThat(words.duration(Duration.ofHours(28), TimeBasis.CALENDAR)).isEqualTo("1 d 4 h");
            assertThat(words.duration(Duration.ofMinutes(30), TimeBasis.CALENDAR)).isEqualTo("30 min");
            assertThat(words.duration(Duration.ofDays(1500), TimeBasis.CALENDAR)).isEqualTo("1500 d 0 h");
            assertThat(words.bucket(Ages.Bucket.DAYS_1_TO_3)).isEqualTo("1–3 days");
            LocaleContextHolder.setLocale(Locale.GERMANY);
            assertThat(words.duration(Duration.ofMinutes(37 * 60 + 5), TimeBasis.BUSINESS))
                    .isEqualTo("37 Std. 5 Min. Arbeitszeit");
            assertThat(words.duration(Duration.ofHours(28), TimeBasis.CALENDAR)).isEqualTo("1 T. 4 Std.");
            assertThat(words.bucket(Ages.Bucket.OVER_A_WEEK)).isEqualTo("über eine Woche");
            assertThat(words.finding(com.followthrough.audit.FindingKind.INCIDENT))
                    .isEqualTo("fehlgeschlagener Job (Incident)");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
