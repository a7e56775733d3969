package com.followthrough.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An update that writes only the columns a transition changed ({@link CaseChanges}), each as a named parameter of the
 * same name: a column nobody changed is never written, so a timer's step cannot undo a change it did not see.
 */
final class ColumnsToSet {

    private final StringJoiner assignments = new StringJoiner(", ");
    private final Map<String, Object> parameters = new HashMap<>();

    ColumnsToSet set(String column, Object value) {
        assignments.add(column + " = :" + column);
        parameters.put(column, value);
        return this;
    }

    /** An assignment computed in SQL ({@code version = version + 1}). */
    ColumnsToSet computed(String assignment) {
        assignments.add(assignment);
        return this;
    }

    /** Runs {@code update table set ... where} ({@code where} names its parameters {@code :where_*}); rows updated. */
    int update(JdbcClient jdbc, String table, String where, Map<String, Object> whereParameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(whereParameters);
        return jdbc.sql("update " + table + " set " + assignments + " where " + where).params(all).update();
    }
}
