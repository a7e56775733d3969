package com.followthrough.dashboard;

import java.util.Map;
import java.util.SortedMap;

/**
 * Durations in fixed log-scale buckets, so a period's median and 90th percentile come from a few hundred counts per day
 * instead of every closed case. Bucket 0 holds zero seconds; bucket {@code b >= 1} holds {@code [1.1^(b-1), 1.1^b)}
 * seconds. A bucket stands for the geometric middle of its bounds, so any value read back is within {@link #ERROR}
 * (4.9 %) of the true one, relatively; a percentile interpolated between two such values (as {@code percentile_cont}
 * does between the two closest ranks) is within the same relative error. Changing {@link #RATIO} needs a rebuild of
 * the roll-ups.
 */
final class DurationBuckets {

    /** The ratio of a bucket's upper bound to its lower bound. */
    static final double RATIO = 1.1;

    /** The largest relative error of a value read back from its bucket: {@code sqrt(RATIO) - 1}. */
    static final double ERROR = Math.sqrt(RATIO) - 1;

    private static final double LOG_RATIO = Math.log(RATIO);

    private DurationBuckets() {
    }

    /** The bucket of a duration in whole seconds (negative counts as zero). */
    static int of(long seconds) {
        return seconds <= 0 ? 0 : 1 + (int) Math.floor(Math.log(seconds) / LOG_RATIO);
    }

    /** The value a bucket stands for: the geometric middle of its bounds, zero for bucket 0. */
    static double value(int bucket) {
        return bucket == 0 ? 0 : Math.exp((bucket - 0.5) * LOG_RATIO);
    }

    /**
     * The {@code fraction} percentile (0.5 for the median) of the durations counted per bucket, interpolated between
     * the two closest ranks like {@code percentile_cont}; null over nothing.
     */
    static Double percentile(SortedMap<Integer, Long> counts, double fraction) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double position = fraction * (total - 1);
        long below = (long) Math.floor(position);
        double lower = valueAtRank(counts, below);
        double upper = valueAtRank(counts, Math.min(total - 1, below + 1));
        return lower + (position - below) * (upper - lower);
    }

    /** The value of the duration with this rank (0: the shortest) in ascending order. */
    private static double valueAtRank(SortedMap<Integer, Long> counts, long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            seen += bucket.getValue();
            if (rank < seen) {
                return value(bucket.getKey());
            }
        }
        throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " durations");
    }
}
