package com.followthrough.dashboard;

import com.followthrough.dashboard.ListRequest.Refinement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One statement over the cases while it is written: its named parameters, and what a figure's condition may use, the
 * request's {@link Refinement} and, for "now", the ranges of the aging buckets. A condition binds what it needs and
 * returns its SQL; the statement's own bounds ({@code :now}, or {@code :from} and {@code :to}) are
 * bound when it is made.
 */
final class Criteria {

    private final Map<String, Object> params = new HashMap<>();
    private final Refinement refinement;
    private final Function<Ages.Bucket, Ages.Range> ranges;

    private Criteria(Refinement refinement, Function<Ages.Bucket, Ages.Range> ranges) {
        this.refinement = refinement;
        this.ranges = ranges;
    }

    /** Over the open cases at {@code now} ({@link OpenFigure#CASES}). */
    static Criteria open(Instant now, Refinement refinement, Function<Ages.Bucket, Ages.Range> ranges) {
        Criteria criteria = new Criteria(refinement, ranges);
        criteria.bind("now", now);
        return criteria;
    }

    /** Over what happened from {@code from} to {@code to}, both included ({@link PeriodFigure#CASES}). */
    static Criteria period(Instant from, Instant to, Refinement refinement) {
        Criteria criteria = new Criteria(refinement, bucket -> {
            throw new IllegalStateException("the aging buckets are a figure of now, not of a period");
        });
        criteria.bind("from", from);
        criteria.bind("to", to);
        return criteria;
    }

    Refinement refinement() {
        return refinement;
    }

    /** The openings in an aging bucket now. */
    Ages.Range range(Ages.Bucket bucket) {
        return ranges.apply(bucket);
    }

    /** Binds a value ({@code :name} in the SQL): instants as UTC, constants by name, collections element-wise. */
    String bind(String name, Object value) {
        params.put(name,
                value instanceof Collection<?> values ? values.stream().map(Criteria::sql).toList() : sql(value));
        return ":" + name;
    }

    /** The statement's parameters; {@link Scope#where} adds its own. */
    Map<String, Object> params() {
        return params;
    }

    private static Object sql(Object value) {
        if (value instanceof Instant instant) {
            return Sql.utc(instant);
        }
        return value instanceof Enum<?> constant ? constant.name() : value;
    }
}
