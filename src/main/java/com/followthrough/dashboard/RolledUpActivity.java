package com.followthrough.dashboard;

import com.followthrough.dashboard.ActivityRollups.Activity;
import com.followthrough.dashboard.PeriodCounts.HandOffsEnded;
import com.followthrough.dashboard.PeriodCounts.Ratings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The period figures of {@link ActivityRollups} as {@link RolledUpPeriodCounts} reads them: opened per day, ratings,
 * hand-offs ended with their check-ins, from at most {@code days × 8} rows per figure. Exact, as the live counts.
 */
@Component
class RolledUpActivity {

    private final NamedParameterJdbcTemplate jdbc;

    RolledUpActivity(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the roll-up answers for the period: every case in scope, and no row of the table after the period's end
     * (the roll-up counts whole days, the period ends now: a row later today, written by a clock that was moved back,
     * would be counted too).
     */
    boolean rolledUp(Period period, Scope scope, String table, String column) {
        return scope.isAll() && noneAfter(period, table, column);
    }

    /**
     * No row with the column after the period's end. The latest value, not {@code exists (… where column > ?)}: with a
     * bound parameter PostgreSQL soon plans that once for any value, as a table scan that expects a match early, and
     * scans every row when there is none (the usual answer); {@code max} is one step into the column's index always.
     */
    boolean noneAfter(Period period, String table, String column) {
        Instant latest = jdbc.queryForObject("select max(%s) as latest from %s".formatted(column, table), Map.of(),
                (rs, row) -> Sql.read(rs, "latest"));
        return latest == null || !latest.isAfter(period.to());
    }

    List<Long> openedPerDay(Period period) {
        Map<LocalDate, Long> perDay = perDay(period, Activity.OPENED).getOrDefault(Activity.OPENED, Map.of());
        return period.dates().stream().map(date -> perDay.getOrDefault(date, 0L)).toList();
    }

    Ratings ratings(Period period) {
        Map<Activity, Long> sums = sums(period, Activity.RATINGS, Activity.RATING_POINTS);
        return new Ratings(sums.get(Activity.RATINGS), sums.get(Activity.RATING_POINTS));
    }

    HandOffsEnded handOffsEnded(Period period) {
        Map<Activity, Long> sums = sums(period, Activity.HAND_OFFS_ENDED, Activity.CHECK_INS);
        return new HandOffsEnded(sums.get(Activity.HAND_OFFS_ENDED), sums.get(Activity.CHECK_INS));
    }

    /** The figures' amounts per day of the period, summed over the slots; a day without any is left out. */
    Map<Activity, Map<LocalDate, Long>> perDay(Period period, Activity... figures) {
        Map<String, Object> params = new HashMap<>();
        params.put("figures", Arrays.stream(figures).map(Activity::name).toList());
        params.put("first", period.dates().get(0));
        params.put("last", period.dates().get(period.dates().size() - 1));
        Map<Activity, Map<LocalDate, Long>> perDay = new EnumMap<>(Activity.class);
        jdbc.query("select figure, happened_on, sum(amount) as n from ft_dashboard_day_activity where figure in"
                + " (:figures) and happened_on >= :first and happened_on <= :last group by figure, happened_on", params,
                rs -> {
                    perDay.computeIfAbsent(Activity.valueOf(rs.getString("figure")), figure -> new HashMap<>())
                            .put(rs.getObject("happened_on", LocalDate.class), rs.getLong("n"));
                });
        return perDay;
    }

    /** The figures' amounts over the whole period, each zero if none. */
    private Map<Activity, Long> sums(Period period, Activity... figures) {
        Map<Activity, Long> sums = new EnumMap<>(Activity.class);
        Arrays.stream(figures).forEach(figure -> sums.put(figure, 0L));
        perDay(period, figures).forEach((figure, days) -> sums.put(figure,
                days.values().stream().mapToLong(Long::longValue).sum()));
        return sums;
    }
}
