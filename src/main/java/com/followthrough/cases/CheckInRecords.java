package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of a hand-off's check-in reminders: its rhythm ({@code ft_hand_off}), promises and snoozes. */
@Repository
class CheckInRecords {

    private final JdbcClient jdbc;

    CheckInRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- promises

    void promise(long caseId, long handOffId, String promise, Instant dueAt, String by, Instant at) {
        jdbc.sql("""
                        update ft_promise set superseded_at = ?
                        where hand_off_id = ? and superseded_at is null and broken_at is null
                        """)
                .params(utc(at), handOffId).update();
        jdbc.sql("""
                        insert into ft_promise (case_id, hand_off_id, promise, due_at, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, handOffId, promise, utc(dueAt), by, utc(at)).update();
    }

    /** Marks the hand-off's standing promises due by {@code upTo} broken, at their promised time; returns them. */
    List<Promise> breakDue(long handOffId, Instant upTo) {
        List<Promise> due = jdbc.sql("""
                        select * from ft_promise
                        where hand_off_id = ? and superseded_at is null and broken_at is null and due_at <= ?
                        order by id
                        """)
                .params(handOffId, utc(upTo)).query(CheckInRecords::promise).list();
        for (Promise promise : due) {
            jdbc.sql("update ft_promise set broken_at = due_at where id = ?").param(promise.id()).update();
        }
        return due.stream().map(p -> new Promise(p.id(), p.handOffId(), p.promise(), p.dueAt(), p.recordedBy(),
                p.recordedAt(), null, p.dueAt())).toList();
    }

    Optional<Promise> standingPromise(long handOffId) {
        return jdbc.sql("""
                        select * from ft_promise where hand_off_id = ? and superseded_at is null
                        order by id desc fetch first 1 rows only
                        """)
                .param(handOffId).query(CheckInRecords::promise).optional();
    }

    // --- snoozes

    void snooze(long caseId, long handOffId, Instant until, String reason, String by, Instant at) {
        jdbc.sql("""
                        insert into ft_snooze (case_id, hand_off_id, until_at, reason, snoozed_by, snoozed_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, handOffId, utc(until), reason, by, utc(at)).update();
    }

    Optional<Snooze> latestSnooze(long handOffId) {
        return jdbc.sql("select * from ft_snooze where hand_off_id = ? order by id desc fetch first 1 rows only")
                .param(handOffId).query(CheckInRecords::snooze).optional();
    }

    // --- for lists

    /** Each open hand-off's reminders, by case number: one query for a page of cases. */
    Map<String, CheckInState> openHandOffs(Collection<String> numbers, Instant now) {
        Map<String, CheckInState> states = new HashMap<>();
        if (numbers.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                        select c.case_number, h.next_check_in_at,
                            p.id as p_id, p.hand_off_id as p_hand_off_id, p.promise as p_promise, p.due_at as p_due_at,
                            p.recorded_by as p_recorded_by, p.recorded_at as p_recorded_at, p.broken_at as p_broken_at,
                            s.id as s_id, s.until_at as s_until_at, s.reason as s_reason, s.snoozed_by as s_snoozed_by,
                            s.snoozed_at as s_snoozed_at
                        from ft_case c
                            join ft_hand_off h on h.case_id = c.id and h.ended_at is null
                            left join ft_promise p on p.hand_off_id = h.id
                                and p.id = (select max(p2.id) from ft_promise p2
                                where p2.hand_off_id = h.id and p2.superseded_at is null)
                            left join ft_snooze s on s.hand_off_id = h.id
                                and s.id = (select max(s2.id) from ft_snooze s2
                                where s2.hand_off_id = h.id and s2.until_at > :now)
                        where c.case_number in (:numbers)
                        """)
                .param("numbers", numbers).param("now", utc(now))
                .query((rs, row) -> {
                    long promiseId = rs.getLong("p_id");
                    Promise promise = rs.wasNull() ? null : new Promise(promiseId, rs.getLong("p_hand_off_id"),
                            rs.getString("p_promise"), read(rs, "p_due_at"), rs.getString("p_recorded_by"),
                            read(rs, "p_recorded_at"), null, read(rs, "p_broken_at"));
                    long snoozeId = rs.getLong("s_id");
                    Snooze snooze = rs.wasNull() ? null : new Snooze(snoozeId, 0, read(rs, "s_until_at"),
                            rs.getString("s_reason"), rs.getString("s_snoozed_by"), read(rs, "s_snoozed_at"));
                    return new CheckInState(rs.getString("case_number"), read(rs, "next_check_in_at"), promise, snooze);
                })
                .list().forEach(state -> states.put(state.caseNumber(), state));
        return states;
    }

    private static Promise promise(ResultSet rs, int row) throws SQLException {
        return new Promise(rs.getLong("id"), rs.getLong("hand_off_id"), rs.getString("promise"), read(rs, "due_at"),
                rs.getString("recorded_by"), read(rs, "recorded_at"), read(rs, "superseded_at"),
                read(rs, "broken_at"));
    }

    private static Snooze snooze(ResultSet rs, int row) throws SQLException {
        return new Snooze(rs.getLong("id"), rs.getLong("hand_off_id"), read(rs, "until_at"), rs.getString("reason"),
                rs.getString("snoozed_by"), read(rs, "snoozed_at"));
    }
}
