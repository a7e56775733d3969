package com.followthrough.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Alternating rounds (issue 20, "measure steadily first"): the sides of a comparison (ours, the bare engine, …) take
 * turns at the same thread count and the same number of cases, round after round, so a noisy minute on a shared machine
 * falls on every side instead of deciding a ratio. Every other round runs the sides in reverse order (A B C, C B A, …):
 * a slow drift over the run (a warming JIT, a growing database, a neighbour's build starting) then favours no side.
 */
final class Alternating {

    /** One side of the comparison: {@code operation} does case number {@code i}. */
    record Side(String name, IntConsumer operation) {
    }

    private Alternating() {
    }

    /** Every side once, {@code cases} cases at {@code threads} threads, results discarded: JIT, pools, caches. */
    static void warmUp(int cases, int threads, List<Side> sides) {
        sides.forEach(side -> Load.perSecond(cases, threads, side.operation()));
    }

    /** {@code rounds} rounds of every side; per side (by name, in the given order) its cases/s per round. */
    static Map<String, Samples> run(int rounds, int cases, int threads, List<Side> sides) {
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        sides.forEach(side -> rates.put(side.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            List<Side> order = new ArrayList<>(sides);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (Side side : order) {
                rates.get(side.name()).add(Load.perSecond(cases, threads, side.operation()));
            }
        }
        Map<String, Samples> samples = new LinkedHashMap<>();
        rates.forEach((name, values) -> samples.put(name, new Samples(values)));
        return samples;
    }
}
