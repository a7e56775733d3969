package com.followthrough.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * One figure taken once per round (cases/s, ms per check, …), in round order: its median and its spread (min–max).
 * With a handful of rounds the median is the figure and the min–max says how far one round could stray; a ratio of two
 * sides is {@link #ratioOfMedians} with the spread of the per-round ratios ({@link #perRound}).
 */
record Samples(List<Double> values) {

    Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No samples");
        }
        values = List.copyOf(values);
    }

    double median() {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** E.g. {@code "49 (45–52)"} for {@code format} "%.0f": the median, then min–max. */
    String describe(String format) {
        return format.formatted(median()) + " (" + format.formatted(min()) + "–" + format.formatted(max()) + ")";
    }

    /** Every sample through {@code function} (e.g. cases/s into ms per case). */
    Samples map(DoubleUnaryOperator function) {
        return new Samples(values.stream().map(function::applyAsDouble).toList());
    }

    /** This side ÷ the other, round by round (the two sides of a round ran one after the other). */
    Samples perRound(Samples other) {
        if (other.values.size() != values.size()) {
            throw new IllegalArgumentException("Rounds differ: " + values.size() + " and " + other.values.size());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ratios.add(values.get(i) / other.values.get(i));
        }
        return new Samples(ratios);
    }

    double ratioOfMedians(Samples other) {
        return median() / other.median();
    }

    /** E.g. {@code "0.47 (rounds 0.41–0.55)"}: the ratio of the medians and the range of the per-round ratios. */
    String describeRatio(Samples other) {
        Samples rounds = perRound(other);
        return "%.2f (rounds %.2f–%.2f)".formatted(ratioOfMedians(other), rounds.min(), rounds.max());
    }
}
