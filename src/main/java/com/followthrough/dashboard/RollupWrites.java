package com.followthrough.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
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
            List.of("date", "varchar(64)", "varchar(32)", "boolean"));
    private static final Table DURATION = new Table("ft_dashboard_day_duration",
            List.of("measure", "closed_on", "owner_id", "bucket"), List.of("varchar(32)", "date", "varchar(64)", "integer"));

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    RollupWrites(JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getURL());
        this.postgres = DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL;
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

    /** The key's values, then the cases. */
    private static Object[] values(Row row) {
        Object[] values = new Object[row.key().size() + 1];
        for (int i = 0; i < row.key().size(); i++) {
            values[i] = row.key().get(i);
        }
        values[values.length - 1] = row.cases();
        return values;
    }

    /** A roll-up table: its key columns and their SQL types (H2's merge casts its parameters to them). */
    private record Table(String name, List<String> keys, List<String> types) {

        String insert() {
            return "insert into %s (%s, cases) values (%s, ?)".formatted(name, String.join(", ", keys),
                    keys.stream().map(key -> "?").collect(Collectors.joining(", ")));
        }

        /** By key, if its cases are the last parameter (zero). */
        String deleteEmpty() {
            return "delete from %s where %s and cases = ?".formatted(name,
                    keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" and ")));
        }

        String upsert(boolean postgres) {
            if (postgres) {
                return insert() + " on conflict (%s) do update set cases = %s.cases + excluded.cases"
                        .formatted(String.join(", ", keys), name);
            }
            String source = IntStream.range(0, keys.size())
                    .mapToObj(i -> "cast(? as %s) as %s".formatted(types.get(i), keys.get(i)))
                    .collect(Collectors.joining(", "));
            String on = keys.stream().map(key -> "t.%1$s = s.%1$s".formatted(key)).collect(Collectors.joining(" and "));
            return ("merge into %1$s t using (select %2$s, cast(? as bigint) as cases) s on %3$s"
                    + " when matched then update set cases = t.cases + s.cases"
                    + " when not matched then insert (%4$s, cases) values (%5$s, s.cases)").formatted(name, source, on,
                    String.join(", ", keys), keys.stream().map(key -> "s." + key).collect(Collectors.joining(", ")));
        }
    }
}
