package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;

import com.followthrough.cluster.Node;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to a case: hand-offs, callbacks, notes and the timeline of steps. Rows are appended, rarely updated. */
@Repository
class CaseHistory {

    private final JdbcClient jdbc;
    private final String node;

    CaseHistory(JdbcClient jdbc, Node node) {
        this.jdbc = jdbc;
        this.node = node.name();
    }

    // --- timeline

    /** Also records this node: for a timer's step, the node whose job executor fired it (README "Production"). */
    void record(long caseId, CaseEventType type, String actor, String detail, Instant at) {
        jdbc.sql("""
                        insert into ft_case_event (case_id, event_type, actor_id, detail, occurred_at, node)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, type.name(), actor, truncate(detail, 2000), utc(at), node)
                .update();
    }

    List<CaseEvent> timeline(long caseId) {
        return jdbc.sql("select * from ft_case_event where case_id = ? order by occurred_at, id")
                .param(caseId)
                .query(CaseHistory::mapEvent)
                .list();
    }

    /** The latest event of a type with exactly this detail ({@code ESCALATED}, {@code CALLBACK_LATE}). */
    Optional<CaseEvent> lastEvent(long caseId, CaseEventType type, String detail) {
        return jdbc.sql("""
                        select * from ft_case_event where case_id = ? and event_type = ? and detail = ?
                        order by occurred_at desc, id desc fetch first 1 rows only
                        """)
                .params(caseId, type.name(), detail)
                .query(CaseHistory::mapEvent)
                .optional();
    }

    int countEvents(long caseId, CaseEventType type, String detail, Instant since) {
        return jdbc.sql("""
                        select count(*) from ft_case_event
                        where case_id = ? and event_type = ? and detail = ? and occurred_at >= ?
                        """)
                .params(caseId, type.name(), detail, utc(since)).query(Integer.class).single();
    }

    // --- hand-offs

    void startHandOff(long caseId, HandOffTarget target, String note, String by, Instant at) {
        jdbc.sql("""
                        insert into ft_hand_off (case_id, colleague_id, team_id, note, handed_off_by, started_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, emptyToNull(target.colleague()), emptyToNull(target.team()), note, by, utc(at))
                .update();
    }

    Optional<HandOff> openHandOff(long caseId) {
        return jdbc.sql("select * from ft_hand_off where case_id = ? and ended_at is null order by id desc")
                .param(caseId).query(CaseHistory::mapHandOff).optional();
    }

    Optional<HandOff> lastHandOff(long caseId) {
        return jdbc.sql("select * from ft_hand_off where case_id = ? order by id desc fetch first 1 rows only")
                .param(caseId).query(CaseHistory::mapHandOff).optional();
    }

    List<HandOff> handOffs(long caseId) {
        return jdbc.sql("select * from ft_hand_off where case_id = ? order by id").param(caseId)
                .query(CaseHistory::mapHandOff).list();
    }

    void endHandOff(long handOffId, HandOff.EndedAs endedAs, String resolution, String by, Instant at) {
        jdbc.sql("update ft_hand_off set ended_at = ?, ended_as = ?, resolution = ?, ended_by = ? where id = ?")
                .params(utc(at), endedAs.name(), resolution, by, handOffId)
                .update();
    }

    int countCheckInDue(long handOffId) {
        jdbc.sql("update ft_hand_off set check_ins_due = check_ins_due + 1 where id = ?").param(handOffId).update();
        return jdbc.sql("select check_ins_due from ft_hand_off where id = ?").param(handOffId).query(Integer.class).single();
    }

    void countCheckInDone(long handOffId) {
        jdbc.sql("update ft_hand_off set check_ins_done = check_ins_done + 1 where id = ?").param(handOffId).update();
    }

    void markEscalated(long handOffId, Instant at) {
        jdbc.sql("update ft_hand_off set escalated_at = ? where id = ? and escalated_at is null")
                .params(utc(at), handOffId).update();
    }

    // --- callbacks

    void recordCallback(long caseId, int attempt, CallbackReport report, boolean onFirstContact, String by, Instant at) {
        recordCallback(caseId, attempt, report, onFirstContact, false, by, at);
    }

    void recordCallback(long caseId, int attempt, CallbackReport report, boolean onFirstContact, boolean outsideWindow,
            String by, Instant at) {
        jdbc.sql("""
                        insert into ft_callback (case_id, attempt, outcome, customer_words, satisfaction, new_request,
                            on_first_contact, outside_window, called_by, called_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, attempt, report.outcome().name(), report.customerWords(), report.satisfaction(),
                        report.newRequest(), onFirstContact, outsideWindow, by, utc(at))
                .update();
    }

    List<Callback> callbacks(long caseId) {
        return jdbc.sql("select * from ft_callback where case_id = ? order by id").param(caseId)
                .query(CaseHistory::mapCallback).list();
    }

    Optional<Callback> lastCallback(long caseId) {
        return jdbc.sql("select * from ft_callback where case_id = ? order by id desc fetch first 1 rows only")
                .param(caseId).query(CaseHistory::mapCallback).optional();
    }

    // --- notes

    void addNote(long caseId, String author, String body, Instant at) {
        jdbc.sql("insert into ft_note (case_id, author_id, body, created_at) values (?, ?, ?, ?)")
                .params(caseId, author, body, utc(at)).update();
    }

    List<Note> notes(long caseId) {
        return jdbc.sql("select * from ft_note where case_id = ? order by created_at, id").param(caseId)
                .query((rs, row) -> new Note(rs.getLong("id"), rs.getString("author_id"), rs.getString("body"),
                        read(rs, "created_at")))
                .list();
    }

    private static CaseEvent mapEvent(ResultSet rs, int row) throws SQLException {
        return new CaseEvent(rs.getLong("id"), CaseEventType.valueOf(rs.getString("event_type")),
                rs.getString("actor_id"), rs.getString("detail"), read(rs, "occurred_at"));
    }

    private static HandOff mapHandOff(ResultSet rs, int row) throws SQLException {
        String endedAs = rs.getString("ended_as");
        return new HandOff(rs.getLong("id"), rs.getLong("case_id"),
                new HandOffTarget(rs.getString("colleague_id"), rs.getString("team_id")),
                rs.getString("note"), rs.getString("handed_off_by"), read(rs, "started_at"), read(rs, "ended_at"),
                endedAs == null ? null : HandOff.EndedAs.valueOf(endedAs), rs.getString("resolution"),
                rs.getString("ended_by"), rs.getInt("check_ins_due"), rs.getInt("check_ins_done"),
                read(rs, "escalated_at"), read(rs, "check_in_anchor_at"), read(rs, "next_check_in_at"));
    }

    private static Callback mapCallback(ResultSet rs, int row) throws SQLException {
        return new Callback(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("attempt"),
                CallbackOutcome.valueOf(rs.getString("outcome")), rs.getString("customer_words"),
                rs.getObject("satisfaction", Integer.class), rs.getString("new_request"), rs.getBoolean("on_first_contact"),
                rs.getString("called_by"), read(rs, "called_at"), rs.getBoolean("outside_window"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
