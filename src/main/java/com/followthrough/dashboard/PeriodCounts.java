package com.followthrough.dashboard;

import com.followthrough.cases.ClosedAs;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the figures of a period are counted: {@link LivePeriodCounts} (the database counts the period's rows when
 * asked, by index ranges) or {@link RolledUpPeriodCounts} (rows per day written as cases open and close, hand-offs end
 * and callbacks are recorded; the live counts where they cannot answer). The figures, their tiles and their lists do
 * not change with it.
 */
interface PeriodCounts {

    /** Median and 90th percentile of {@code count} durations in seconds, on the dashboard's age basis. */
    record Percentiles(long count, Long medianSeconds, Long p90Seconds) {

        static final Percentiles NONE = new Percentiles(0, null, null);

        /** As the database computed them ({@code percentile_cont}: linear interpolation); none over nothing. */
        static Percentiles of(long count, Object median, Object p90) {
            if (count == 0 || median == null || p90 == null) {
                return NONE;
            }
            return new Percentiles(count, Math.round(((Number) median).doubleValue()),
                    Math.round(((Number) p90).doubleValue()));
        }
    }

    /** How many cases closed each way. */
    record Ways(Map<ClosedAs, Long> counts) {

        long of(ClosedAs way) {
            return counts.getOrDefault(way, 0L);
        }

        long of(Collection<ClosedAs> ways) {
            return ways.stream().mapToLong(this::of).sum();
        }
    }

    /** The cases closed in the period: how, how many reopened before, opening → resolution → first callback. */
    record Closed(long count, Ways ways, long reopened, Percentiles resolution, Percentiles toCallback) {
    }

    /** One owner's cases closed in the period, and opening → closing. */
    record OwnerClosed(long count, Ways ways, Percentiles toClose) {
    }

    record Ratings(long count, long total) {
    }

    record HandOffsEnded(long count, long checkIns) {
    }

    List<Long> openedPerDay(Period period, Scope scope);

    List<Long> closedPerDay(Period period, Scope scope);

    Closed closed(Period period, Scope scope);

    /** Per owner, in no order. */
    Map<String, OwnerClosed> closedPerOwner(Period period, Scope scope);

    /** Satisfaction scores given on callbacks in the period. */
    Ratings ratings(Period period, Scope scope);

    HandOffsEnded handOffsEnded(Period period, Scope scope);

    /** Stalled hand-offs escalated, per team in order of name, named colleagues as {@link Wording#COLLEAGUES} first. */
    Map<String, Long> escalatedHandOffs(Period period, Scope scope);

    /** The owner's own late steps escalated, those with none left out. */
    Map<OwnerEscalation, Long> ownerEscalations(Period period, Scope scope);

    /** Promises broken, per team of the hand-off, in the order of {@link #escalatedHandOffs}. */
    Map<String, Long> brokenPromises(Period period, Scope scope);
}
