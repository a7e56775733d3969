package com.followthrough.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The SQL that writes the roll-ups, in each database's words: an increment that inserts a missing row is
 * {@code insert … on conflict do update} on PostgreSQL (atomic however many nodes close cases for the same day and
 * owner) and {@code merge} on H2; PostgreSQL's rebuild locks the tables against every node's writes.
 */
@Component
class RollupWrites {

    /** A roll-up row: its key columns in the table's key order, and how many cases it adds. */
    record Row(List<Object> key, long cases) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<List<Object>> KEY_ORDER = (one, other) -> {
        for (int i = 0; i < one.size(); i++) {
            int order = ((Comparable) one.get(i)).compareTo(other.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::key, KEY_ORDER);

    private static final Table DAY = new Table("ft_dashboard_day", List.of("closed_on", "owner_id", "closed_as", "reopened"),
            List.of("date", "varchar(64)", "varchar(32)", "boolean"), "cases");
    private static final Table DURATION = new Table("ft_dashboard_day_duration",
            List.of("measure", "closed_on", "owner_id", "bucket"), List.of("varchar(32)", "date", "varchar(64)", "integer"),
            "cases");
    private static final Table ACTIVITY = new Table("ft_dashboard_day_activity",
            List.of("figure", "happened_on", "slot"), List.of("varchar(32)", "date", "integer"), "amount");

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    RollupWrites(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = Sql.onPostgres(dataSource);
    }

    void upsertDay(List<Row> rows) {
        upsert(DAY, rows);
    }

    void upsertDurations(List<Row> rows) {
        upsert(DURATION, rows);
    }

    /**
     * PostgreSQL in one batch. H2 row by row: two closings that both find a row missing both insert it, and the one
     * that loses gets a duplicate key; its merge, run again, then finds the row (H2 undoes only the failed statement).
     */
    private void upsert(Table table, List<Row> rows) {
        if (postgres) {
            batch(table.upsert(true), rows);
            return;
        }
        for (Row row : rows) {
            try {
                jdbc.update(table.upsert(false), values(row));
            } catch (DuplicateKeyException lostRace) {
                jdbc.update(table.upsert(false), values(row));
            }
        }
    }

    /** Rows of {@code ft_dashboard_day_activity}: its key (figure, day, slot) and the amount it adds. */
    void upsertActivity(List<Row> rows) {
        upsert(ACTIVITY, rows);
    }

    void insertActivity(List<Row> rows) {
        batch(ACTIVITY.insert(), rows);
    }

    void deleteActivity() {
        jdbc.update("delete from " + ACTIVITY.name);
    }

    /** As {@link #lockAgainstWrites}, for the activity roll-up. */
    void lockActivityAgainstWrites() {
        if (postgres) {
            jdbc.execute("lock table " + ACTIVITY.name + " in exclusive mode");
        }
    }

    void insertDays(List<Row> rows) {
        batch(DAY.insert(), rows);
    }

    void insertDurations(List<Row> rows) {
        batch(DURATION.insert(), rows);
    }

    /** These rows, if a taken-back case left them at zero, so the roll-ups hold what a rebuild would write. */
    void deleteEmpty(List<Row> days, List<Row> durations) {
        batch(DAY.deleteEmpty(), days.stream().map(row -> new Row(row.key(), 0)).toList());
        batch(DURATION.deleteEmpty(), durations.stream().map(row -> new Row(row.key(), 0)).toList());
    }

    void deleteAll() {
        jdbc.update("delete from " + DAY.name);
        jdbc.update("delete from " + DURATION.name);
    }

    /**
     * PostgreSQL: no node writes a roll-up until this transaction ends (a closing that already wrote one is waited
     * for). H2 runs one node, whose closings {@link ClosedRollups} holds back itself.
     */
    void lockAgainstWrites() {
        if (postgres) {
            jdbc.execute("lock table " + DAY.name + ", " + DURATION.name + " in exclusive mode");
        }
    }

    private void batch(String sql, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(sql, rows.stream().map(RollupWrites::values).toList());
    }

    /** The key's values, then the cases (or amount). */
    private static Object[] values(Row row) {
        Object[] values = new Object[row.key().size() + 1];
        for (int i = 0; i < row.key().size(); i++) {
            values[i] = row.key().get(i);
        }
        values[values.length - 1] = row.cases();
        return values;
    }

    /**
     * A roll-up table: its key columns and their SQL types (H2's merge casts its parameters to them), and the column it
     * sums.
     */
    private record Table(String name, List<String> keys, List<String> types, String sum) {

        String insert() {
            return "insert into %s (%s, %s) values (%s, ?)".formatted(name, String.join(", ", keys), sum,
                    keys.stream().map(key -> "?").collect(Collectors.joining(", ")));
        }

        /** By key, if its sum is the last parameter (zero). */
        String deleteEmpty() {
            return "delete from %s where %s and %s = ?".formatted(name,
                    keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" and ")), sum);
        }

        String upsert(boolean postgres) {
            if (postgres) {
                return insert() + " on conflict (%1$s) do update set %3$s = %2$s.%3$s + excluded.%3$s"
                        .formatted(String.join(", ", keys), name, sum);
            }
            String source = IntStream.range(0, keys.size())
                    .mapToObj(i -> "cast(? as %s) as %s".formatted(types.get(i), keys.get(i)))
                    .collect(Collectors.joining(", "));
            String on = keys.stream().map(key -> "t.%1$s = s.%1$s".formatted(key)).collect(Collectors.joining(" and "));
            return ("merge into %1$s t using (select %2$s, cast(? as bigint) as %6$s) s on %3$s"
                    + " when matched then update set %6$s = t.%6$s + s.%6$s"
                    + " when not matched then insert (%4$s, %6$s) values (%5$s, s.%6$s)").formatted(name, source, on,
                    String.join(", ", keys), keys.stream().map(key -> "s." + key).collect(Collectors.joining(", ")),
                    sum);
        }
    }
}
