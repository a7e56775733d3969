package com.followthrough.dashboard;

import java.util.List;

/**
 * Percentiles with linear interpolation between the closest ranks (as SQL's {@code percentile_cont} and
 * spreadsheets' {@code PERCENTILE.INC}): sorted values v, position p × (n − 1), interpolated between its neighbours.
 */
final class Percentiles {

    private Percentiles() {
    }

    static double of(List<Long> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
