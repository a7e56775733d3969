package com.followthrough.dashboard;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.HandOff;
import com.followthrough.dashboard.RollupWrites.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-up of what the trends count besides closed cases ({@code ft_dashboard_day_activity}): cases opened,
 * hand-offs ended with their check-ins, and satisfaction scores given, per day (in the business calendar's zone),
 * written in the transaction that opens the case ({@link CaseEvents.Opened}, {@link CaseEvents.OpenedForOutreach}) or
 * ends the hand-off and records the callback ({@link CaseEvents.HistoryAppended}). Each of those rows is written once
 * and never moved by the lifecycle, so the roll-up only adds; a history rewritten after the fact ({@link
 * CaseHistoryRewritten}, the demo data) cannot say where its rows were counted before, so the roll-up is computed again
 * as a whole. The {@link #rebuild} is as safe on a running cluster as the closed cases' ({@link ClosedRollups}).
 */
@Component
class ActivityRollups {

    /** What a row of the roll-up counts on its day. */
    enum Activity { OPENED, HAND_OFFS_ENDED, CHECK_INS, RATINGS, RATING_POINTS }

    /** Rows per figure and day that concurrent writes spread over (by case id); readers sum them. */
    static final int SLOTS = 8;

    private static final Logger log = LoggerFactory.getLogger(ActivityRollups.class);

    private final JdbcTemplate jdbc;
    private final RollupWrites writes;
    private final RollupLock lock;
    private final Ages ages;
    private final TransactionTemplate transactions;

    ActivityRollups(JdbcTemplate jdbc, RollupWrites writes, RollupLock lock, Ages ages,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.lock = lock;
        this.ages = ages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void opened(CaseEvents.Opened opened) {
        add(opened.kase().id(), List.of(new Amount(Activity.OPENED, opened.kase().openedAt(), 1)));
    }

    @EventListener
    void openedForOutreach(CaseEvents.OpenedForOutreach opened) {
        add(opened.kase().id(), List.of(new Amount(Activity.OPENED, opened.kase().openedAt(), 1)));
    }

    @EventListener
    void appended(CaseEvents.HistoryAppended appended) {
        List<Amount> amounts = new ArrayList<>();
        for (HandOff ended : appended.endedHandOffs()) {
            amounts.add(new Amount(Activity.HAND_OFFS_ENDED, ended.endedAt(), 1));
            amounts.add(new Amount(Activity.CHECK_INS, ended.endedAt(), ended.checkInsDone()));
        }
        if (appended.satisfaction() != null) {
            amounts.add(new Amount(Activity.RATINGS, appended.calledAt(), 1));
            amounts.add(new Amount(Activity.RATING_POINTS, appended.calledAt(), appended.satisfaction()));
        }
        add(appended.caseId(), amounts);
    }

    @EventListener
    void rewritten(CaseHistoryRewritten rewritten) {
        rebuild();
    }

    /** An amount of one figure at an instant. */
    private record Amount(Activity activity, Instant at, long amount) {
    }

    /** Adds the amounts, in the current transaction, to the rows of the case's slot (in key order: no deadlock). */
    private void add(long caseId, List<Amount> amounts) {
        ZoneId zone = ages.zone();
        Map<List<Object>, Row> rows = new TreeMap<>(RollupWrites.KEY_ORDER);
        for (Amount amount : amounts) {
            if (amount.amount() != 0) {
                Row row = new Row(List.of(amount.activity().name(), LocalDate.ofInstant(amount.at(), zone),
                        (int) Math.floorMod(caseId, (long) SLOTS)), amount.amount());
                rows.merge(row.key(), row, (one, other) -> new Row(one.key(), one.cases() + other.cases()));
            }
        }
        if (!rows.isEmpty()) {
            lock.holdWhileTransactionRuns();
            writes.upsertActivity(new ArrayList<>(rows.values()));
        }
    }

    /**
     * The roll-up computed again from {@code ft_case}, {@code ft_hand_off} and {@code ft_callback}, in one transaction
     * (each figure's rows summed per day in slot 0); returns how many cases it found opened. Run by
     * {@link RollupRebuild}, and for a rewritten history.
     */
    long rebuild() {
        return lock.exclusively(() -> {
            Map<Activity, Map<LocalDate, Long>> sums = new TreeMap<>();
            transactions.executeWithoutResult(status -> {
                writes.lockActivityAgainstWrites();
                writes.deleteActivity();
                ZoneId zone = ages.zone();
                sum("select opened_at as at, 1 as n from ft_case", zone, sums, Activity.OPENED, null);
                sum("select ended_at as at, check_ins_done as n from ft_hand_off where ended_at is not null", zone,
                        sums, Activity.HAND_OFFS_ENDED, Activity.CHECK_INS);
                sum("select called_at as at, satisfaction as n from ft_callback where satisfaction is not null", zone,
                        sums, Activity.RATINGS, Activity.RATING_POINTS);
                List<Row> rows = new ArrayList<>();
                sums.forEach((activity, days) -> days.forEach((day, amount) -> {
                    if (amount != 0) {
                        rows.add(new Row(List.of(activity.name(), day, 0), amount));
                    }
                }));
                writes.insertActivity(rows);
            });
            long opened = sums.getOrDefault(Activity.OPENED, Map.of()).values().stream().mapToLong(Long::longValue)
                    .sum();
            log.info("Dashboard activity roll-up rebuilt from {} cases", opened);
            return opened;
        });
    }

    /** Per day of {@code at}: one for each row into {@code count}, and the rows' {@code n} into {@code total}. */
    private void sum(String sql, ZoneId zone, Map<Activity, Map<LocalDate, Long>> sums, Activity count,
            Activity total) {
        jdbc.query(con -> {
            var statement = con.prepareStatement(sql);
            statement.setFetchSize(1000);
            return statement;
        }, rs -> {
            LocalDate day = LocalDate.ofInstant(Sql.read(rs, "at"), zone);
            sums.computeIfAbsent(count, activity -> new HashMap<>()).merge(day, 1L, Long::sum);
            if (total != null) {
                sums.computeIfAbsent(total, activity -> new HashMap<>()).merge(day, rs.getLong("n"), Long::sum);
            }
        });
    }
}
