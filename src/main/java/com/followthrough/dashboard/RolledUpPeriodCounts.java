package com.followthrough.dashboard;

import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.ClosedRollups.Measure;
import com.followthrough.policy.TimeBasis;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of a period read from the roll-ups ({@link ClosedRollups}, {@link ActivityRollups}): a few rows per day
 * instead of every case, hand-off and callback ({@link RolledUpActivity}). Counts are exact. Medians and 90th
 * percentiles are computed exactly from {@code ft_dashboard_closed} while the period holds at most
 * {@code followthrough.dashboard.exact-percentiles-up-to} closed cases (a cheap sort then), and from the duration
 * buckets above that, within {@link DurationBuckets#ERROR}. A filtered scope (team, owner, priority)
 * and a period with rows after its end (a clock moved back) are counted by {@link LivePeriodCounts}, as are the
 * escalations and broken promises (index probes of rare rows).
 */
@Primary
@Component
class RolledUpPeriodCounts implements PeriodCounts {

    private final LivePeriodCounts live;
    private final RolledUpActivity activity;
    private final NamedParameterJdbcTemplate jdbc;
    private final Ages ages;
    private final long exactUpTo;

    RolledUpPeriodCounts(LivePeriodCounts live, RolledUpActivity activity, NamedParameterJdbcTemplate jdbc, Ages ages,
            @Value("${followthrough.dashboard.exact-percentiles-up-to:10000}") long exactUpTo) {
        this.live = live;
        this.activity = activity;
        this.jdbc = jdbc;
        this.ages = ages;
        this.exactUpTo = exactUpTo;
    }

    /** The same with another threshold (0: always from the buckets), for a test. */
    RolledUpPeriodCounts withExactUpTo(long exactUpTo) {
        return new RolledUpPeriodCounts(live, activity, jdbc, ages, exactUpTo);
    }

    @Override
    public List<Long> closedPerDay(Period period, Scope scope) {
        if (!rolledUp(period, scope)) {
            return live.closedPerDay(period, scope);
        }
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.query("select closed_on, sum(cases) as n from ft_dashboard_day where closed_on >= :first"
                + " and closed_on <= :last group by closed_on", days(period), rs -> {
                    perDay.put(rs.getObject("closed_on", LocalDate.class), rs.getLong("n"));
                });
        return period.dates().stream().map(date -> perDay.getOrDefault(date, 0L)).toList();
    }

    @Override
    public Closed closed(Period period, Scope scope) {
        if (!rolledUp(period, scope)) {
            return live.closed(period, scope);
        }
        Map<ClosedAs, Long> ways = noWays();
        long[] reopened = {0};
        jdbc.query("select closed_as, reopened, sum(cases) as n from ft_dashboard_day where closed_on >= :first"
                + " and closed_on <= :last group by closed_as, reopened", days(period), rs -> {
                    long n = rs.getLong("n");
                    ways.merge(ClosedAs.valueOf(rs.getString("closed_as")), n, Long::sum);
                    reopened[0] += rs.getBoolean("reopened") ? n : 0;
                });
        long count = ways.values().stream().mapToLong(Long::longValue).sum();
        if (count <= exactUpTo) {
            Closed exact = live.closed(period, scope);
            return new Closed(count, new Ways(ways), reopened[0], exact.resolution(), exact.toCallback());
        }
        return new Closed(count, new Ways(ways), reopened[0],
                percentiles(histograms(period, measure("RESOLUTION")).get(Measure.ALL_OWNERS)),
                percentiles(histograms(period, measure("TO_CALLBACK")).get(Measure.ALL_OWNERS)));
    }

    @Override
    public Map<String, OwnerClosed> closedPerOwner(Period period, Scope scope) {
        if (!rolledUp(period, scope)) {
            return live.closedPerOwner(period, scope);
        }
        Map<String, Map<ClosedAs, Long>> ways = new HashMap<>();
        jdbc.query("select owner_id, closed_as, sum(cases) as n from ft_dashboard_day where closed_on >= :first"
                + " and closed_on <= :last group by owner_id, closed_as", days(period), rs -> {
                    ways.computeIfAbsent(rs.getString("owner_id"), owner -> noWays())
                            .merge(ClosedAs.valueOf(rs.getString("closed_as")), rs.getLong("n"), Long::sum);
                });
        long total = ways.values().stream().flatMap(owner -> owner.values().stream()).mapToLong(Long::longValue).sum();
        Map<String, OwnerClosed> exact = total <= exactUpTo ? live.closedPerOwner(period, scope) : Map.of();
        Map<String, SortedMap<Integer, Long>> histograms = total <= exactUpTo ? Map.of()
                : histograms(period, measure("TO_CLOSE"));
        Map<String, OwnerClosed> perOwner = new HashMap<>();
        ways.forEach((owner, counts) -> {
            long closed = counts.values().stream().mapToLong(Long::longValue).sum();
            Percentiles toClose = total <= exactUpTo
                    ? exact.getOrDefault(owner, new OwnerClosed(0, null, Percentiles.NONE)).toClose()
                    : percentiles(histograms.get(owner));
            perOwner.put(owner, new OwnerClosed(closed, new Ways(counts), toClose));
        });
        return perOwner;
    }

    /** Every way of closing at zero, as {@link LivePeriodCounts} counts them. */
    private static Map<ClosedAs, Long> noWays() {
        Map<ClosedAs, Long> ways = new EnumMap<>(ClosedAs.class);
        for (ClosedAs way : ClosedAs.values()) {
            ways.put(way, 0L);
        }
        return ways;
    }

    /** The measure's buckets summed over the period, per owner column ({@link Measure#ALL_OWNERS} for all). */
    private Map<String, SortedMap<Integer, Long>> histograms(Period period, Measure measure) {
        Map<String, Object> params = days(period);
        params.put("measure", measure.name());
        Map<String, SortedMap<Integer, Long>> histograms = new HashMap<>();
        jdbc.query("select owner_id, bucket, sum(cases) as n from ft_dashboard_day_duration where measure = :measure"
                + " and closed_on >= :first and closed_on <= :last group by owner_id, bucket", params, rs -> {
                    histograms.computeIfAbsent(rs.getString("owner_id"), owner -> new TreeMap<>())
                            .merge(rs.getInt("bucket"), rs.getLong("n"), Long::sum);
                });
        return histograms;
    }

    private static Percentiles percentiles(SortedMap<Integer, Long> histogram) {
        if (histogram == null) {
            return Percentiles.NONE;
        }
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        return Percentiles.of(count, DurationBuckets.percentile(histogram, 0.5),
                DurationBuckets.percentile(histogram, 0.9));
    }

    /**
     * Every case in scope, and none closed after the period's end: the roll-ups count whole days, and the period ends
     * now, so a case that closed later today by a clock that was moved back would be counted too.
     */
    private boolean rolledUp(Period period, Scope scope) {
        return scope.isAll() && activity.noneAfter(period, "ft_dashboard_closed", "closed_at");
    }

    private static Map<String, Object> days(Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", period.dates().get(0));
        params.put("last", period.dates().get(period.dates().size() - 1));
        return params;
    }

    /** The measure ({@code RESOLUTION}, {@code TO_CALLBACK}, {@code TO_CLOSE}) on the dashboard's age basis. */
    private Measure measure(String duration) {
        return Measure.valueOf(duration + (ages.basis() == TimeBasis.BUSINESS ? "_BUSINESS" : "_CALENDAR"));
    }

    @Override
    public List<Long> openedPerDay(Period period, Scope scope) {
        return activity.rolledUp(period, scope, "ft_case", "opened_at") ? activity.openedPerDay(period)
                : live.openedPerDay(period, scope);
    }

    @Override
    public Ratings ratings(Period period, Scope scope) {
        return activity.rolledUp(period, scope, "ft_callback", "called_at") ? activity.ratings(period)
                : live.ratings(period, scope);
    }

    @Override
    public HandOffsEnded handOffsEnded(Period period, Scope scope) {
        return activity.rolledUp(period, scope, "ft_hand_off", "ended_at") ? activity.handOffsEnded(period)
                : live.handOffsEnded(period, scope);
    }

    @Override
    public Map<String, Long> escalatedHandOffs(Period period, Scope scope) {
        return live.escalatedHandOffs(period, scope);
    }

    @Override
    public Map<OwnerEscalation, Long> ownerEscalations(Period period, Scope scope) {
        return live.ownerEscalations(period, scope);
    }

    @Override
    public Map<String, Long> brokenPromises(Period period, Scope scope) {
        return live.brokenPromises(period, scope);
    }
}
