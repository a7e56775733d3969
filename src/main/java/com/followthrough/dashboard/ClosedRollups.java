package com.followthrough.dashboard;

import com.followthrough.dashboard.RollupWrites.Row;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-ups of closed cases ({@code ft_dashboard_day}, {@code ft_dashboard_day_duration}): each row of
 * {@code ft_dashboard_closed} counted once on the day it closed (in the business calendar's zone), by owner, way of
 * closing and whether it was reopened, and its durations in {@link DurationBuckets}. {@link ClosedCaseFacts} adds a
 * case's row when it writes it and takes the old one back when it writes it again, in the same transaction; the
 * {@link #rebuild} computes every roll-up again from {@code ft_dashboard_closed}, in one transaction, and is safe while
 * cases close: on PostgreSQL it locks both roll-up tables against writes (a closing on any node waits for it), and in
 * this JVM it waits for the closings under way and holds new ones back until it has committed ({@link RollupLock}).
 */
@Component
class ClosedRollups {

    private static final Logger log = LoggerFactory.getLogger(ClosedRollups.class);

    /** A duration kept in buckets: for all owners together (trends), or per owner (per agent). */
    enum Measure {
        RESOLUTION_BUSINESS(false), RESOLUTION_CALENDAR(false), TO_CALLBACK_BUSINESS(false),
        TO_CALLBACK_CALENDAR(false), TO_CLOSE_BUSINESS(true), TO_CLOSE_CALENDAR(true);

        /** The owner column of the histogram rows of a measure kept for all owners together. */
        static final String ALL_OWNERS = "";

        final boolean perOwner;

        Measure(boolean perOwner) {
            this.perOwner = perOwner;
        }
    }

    /** One closed case as the roll-ups count it: the columns of its {@code ft_dashboard_closed} row. */
    record Fact(String owner, String closedAs, Instant closedAt, int reopens, Map<Measure, Long> seconds) {

        static final String COLUMNS = "owner_id, closed_as, closed_at, reopen_count, resolution_business_s,"
                + " resolution_calendar_s, to_callback_business_s, to_callback_calendar_s, to_close_business_s,"
                + " to_close_calendar_s";

        static Fact read(ResultSet rs) throws SQLException {
            Map<Measure, Long> seconds = new TreeMap<>();
            for (Measure measure : Measure.values()) {
                long value = rs.getLong(measure.name().toLowerCase() + "_s");
                if (!rs.wasNull()) {
                    seconds.put(measure, value);
                }
            }
            return new Fact(rs.getString("owner_id"), rs.getString("closed_as"), Sql.read(rs, "closed_at"),
                    rs.getInt("reopen_count"), seconds);
        }
    }

    private final JdbcTemplate jdbc;
    private final RollupWrites writes;
    private final RollupLock lock;
    private final Ages ages;
    private final TransactionTemplate transactions;

    ClosedRollups(JdbcTemplate jdbc, RollupWrites writes, RollupLock lock, Ages ages,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.lock = lock;
        this.ages = ages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The case's row in {@code ft_dashboard_closed}, as it is before it is written again. */
    Optional<Fact> fact(long caseId) {
        return jdbc.query("select " + Fact.COLUMNS + " from ft_dashboard_closed where case_id = ?",
                (rs, row) -> Fact.read(rs), caseId).stream().findFirst();
    }

    /** Counts a closed case's row, in the transaction that writes it. */
    void add(Fact fact) {
        apply(fact, 1);
    }

    /** Takes back what an earlier version of a case's row counted (it is being written again). */
    void subtract(Fact fact) {
        apply(fact, -1);
    }

    private void apply(Fact fact, long sign) {
        lock.holdWhileTransactionRuns();
        List<Row> day = List.of(dayRow(fact, zone(), sign));
        List<Row> durations = durationRows(fact, zone(), sign);
        writes.upsertDay(day);
        writes.upsertDurations(durations);
        if (sign < 0) {
            writes.deleteEmpty(day, durations);
        }
    }

    /**
     * Every roll-up computed again from {@code ft_dashboard_closed}, in one transaction; returns how many closed cases
     * it counted. Run by {@link RollupRebuild}.
     */
    long rebuild() {
        return lock.exclusively(() -> {
            Long counted = transactions.execute(status -> {
                writes.lockAgainstWrites();
                writes.deleteAll();
                DaySums sums = new DaySums(zone());
                jdbc.query(con -> {
                    var statement = con.prepareStatement(
                            "select " + Fact.COLUMNS + " from ft_dashboard_closed order by closed_at");
                    statement.setFetchSize(1000);
                    return statement;
                }, rs -> {
                    sums.add(Fact.read(rs));
                });
                sums.flush();
                return sums.counted;
            });
            log.info("Dashboard roll-ups rebuilt from {} closed cases", counted);
            return counted == null ? 0L : counted;
        });
    }

    /** The rebuild's sums of one day at a time (the rows come in order of closing), written when the day is done. */
    private final class DaySums {

        private final ZoneId zone;
        private final Map<List<Object>, Row> days = new TreeMap<>(RollupWrites.KEY_ORDER);
        private final Map<List<Object>, Row> durations = new TreeMap<>(RollupWrites.KEY_ORDER);
        private LocalDate day;
        private long counted;

        DaySums(ZoneId zone) {
            this.zone = zone;
        }

        void add(Fact fact) {
            LocalDate closedOn = LocalDate.ofInstant(fact.closedAt(), zone);
            if (!closedOn.equals(day)) {
                flush();
                day = closedOn;
            }
            merge(days, dayRow(fact, zone, 1));
            durationRows(fact, zone, 1).forEach(row -> merge(durations, row));
            counted++;
        }

        void flush() {
            writes.insertDays(new ArrayList<>(days.values()));
            writes.insertDurations(new ArrayList<>(durations.values()));
            days.clear();
            durations.clear();
        }

        private static void merge(Map<List<Object>, Row> sums, Row row) {
            sums.merge(row.key(), row, (one, other) -> new Row(one.key(), one.cases() + other.cases()));
        }
    }

    private static Row dayRow(Fact fact, ZoneId zone, long cases) {
        return new Row(List.of(LocalDate.ofInstant(fact.closedAt(), zone), fact.owner(), fact.closedAs(),
                fact.reopens() > 0), cases);
    }

    /** A row per measure the case has, in key order (so concurrent closings lock rows in the same order). */
    private static List<Row> durationRows(Fact fact, ZoneId zone, long cases) {
        LocalDate day = LocalDate.ofInstant(fact.closedAt(), zone);
        return fact.seconds().entrySet().stream().map(measured -> new Row(List.of(measured.getKey().name(), day,
                measured.getKey().perOwner ? fact.owner() : Measure.ALL_OWNERS,
                DurationBuckets.of(measured.getValue())), cases)).sorted(RollupWrites.ROW_ORDER).toList();
    }

    private ZoneId zone() {
        return ages.zone();
    }
}
