package com.followthrough.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DurationBucketsTests {

    @Test
    void zeroHasABucketOfItsOwn_andEveryOtherDurationReadsBackWithinTheStatedError() {
        assertThat(DurationBuckets.of(0)).isZero();
        assertThat(DurationBuckets.value(0)).isZero();
        assertThat(DurationBuckets.ERROR).isCloseTo(0.0488, within(0.0001));
        for (long seconds = 1; seconds < 400L * 86_400; seconds = seconds * 21 / 20 + 1) {
            double value = DurationBuckets.value(DurationBuckets.of(seconds));
            assertThat(value).as("%d s", seconds).isCloseTo(seconds, within(DurationBuckets.ERROR * seconds));
        }
        assertThat(DurationBuckets.of(86_400)).isGreaterThan(DurationBuckets.of(86_399 / 2));
    }

    @Test
    void aPercentileIsInterpolatedBetweenTheTwoClosestRanks_likePercentileCont() {
        // 1, 1, 2, 3, 10 hours: the exact 90th percentile is 3 h + 0.6 × (10 h − 3 h) = 7.2 h (README's example).
        long hour = 3600;
        SortedMap<Integer, Long> counts = histogram(hour, hour, 2 * hour, 3 * hour, 10 * hour);
        assertThat(DurationBuckets.percentile(counts, 0.9)).isCloseTo(7.2 * hour, within(DurationBuckets.ERROR * 7.2 * hour));
        assertThat(DurationBuckets.percentile(counts, 0.5)).isCloseTo(2.0 * hour, within(DurationBuckets.ERROR * 2 * hour));
        assertThat(DurationBuckets.percentile(new TreeMap<>(), 0.5)).isNull();
    }

    @Test
    void onSpreadDurationsTheMedianAndThe90thPercentileStayWithinTheStatedError() {
        SplittableRandom random = new SplittableRandom(20);
        for (int run = 0; run < 200; run++) {
            long[] seconds = new long[1 + random.nextInt(2_000)];
            for (int i = 0; i < seconds.length; i++) {
                // Log-uniform from a minute to a month, with some zeros (closed on first contact).
                seconds[i] = random.nextInt(10) == 0 ? 0 : (long) Math.exp(Math.log(60) + random.nextDouble()
                        * (Math.log(30 * 86_400) - Math.log(60)));
            }
            SortedMap<Integer, Long> counts = histogram(seconds);
            Arrays.sort(seconds);
            for (double fraction : new double[] {0.5, 0.9}) {
                double exact = percentileCont(seconds, fraction);
                assertThat(DurationBuckets.percentile(counts, fraction)).as("run %d, %.1f", run, fraction)
                        .isCloseTo(exact, within(DurationBuckets.ERROR * exact + 1e-9));
            }
        }
    }

    private static SortedMap<Integer, Long> histogram(long... seconds) {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        for (long s : seconds) {
            counts.merge(DurationBuckets.of(s), 1L, Long::sum);
        }
        return counts;
    }

    /** What the database's percentile_cont gives over sorted values. */
    private static double percentileCont(long[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
