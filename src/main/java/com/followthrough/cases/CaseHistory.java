package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;

import com.followthrough.cluster.Node;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import com.followthrough.cases.CaseChanges.OfHandOff;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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

    /** Stores a new hand-off ({@link HandOff#start}); returns its id. */
    long startHandOff(long caseId, HandOff handOff) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ft_hand_off (case_id, colleague_id, team_id, note, handed_off_by, started_at,
                            check_in_anchor_at, next_check_in_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, handOff.target().colleague(), handOff.target().team(), handOff.note(),
                        handOff.handedOffBy(), utc(handOff.startedAt()), utc(handOff.checkInAnchor()),
                        utc(handOff.nextCheckIn()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Writes the columns of {@code handOff} its case's transitions changed. */
    void updateHandOff(HandOff handOff, Set<OfHandOff> changed) {
        ColumnsToSet set = new ColumnsToSet();
        if (changed.contains(OfHandOff.ENDED)) {
            set.set("ended_at", utc(handOff.endedAt())).set("ended_as", handOff.endedAs().name())
                    .set("resolution", handOff.resolution()).set("ended_by", handOff.endedBy());
        }
        if (changed.contains(OfHandOff.CHECK_INS_DUE)) {
            set.set("check_ins_due", handOff.checkInsDue());
        }
        if (changed.contains(OfHandOff.CHECK_INS_DONE)) {
            set.set("check_ins_done", handOff.checkInsDone());
        }
        if (changed.contains(OfHandOff.RHYTHM)) {
            set.set("check_in_anchor_at", utc(handOff.checkInAnchor())).set("next_check_in_at", utc(handOff.nextCheckIn()));
        }
        if (changed.contains(OfHandOff.ESCALATED)) {
            set.set("escalated_at", utc(handOff.escalatedAt()));
        }
        set.update(jdbc, "ft_hand_off", "id = :where_id", Map.of("where_id", handOff.id()));
    }

    List<HandOff> handOffs(long caseId) {
        return jdbc.sql("select * from ft_hand_off where case_id = ? order by id").param(caseId)
                .query(CaseHistory::mapHandOff).list();
    }

    // --- callbacks

    void recordCallback(long caseId, int attempt, CallbackReport report, boolean onFirstContact, boolean outsideWindow,
            String by, Instant at) {
        jdbc.sql("""
                        insert into ft_callback (case_id, attempt, outcome, customer_words, satisfaction, new_request,
                            on_first_contact, outside_window, called_by, called_at, consent_to_share, before_text,
                            after_text)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(caseId, attempt, report.outcome().name(), report.customerWords(), report.satisfaction(),
                        report.newRequest(), onFirstContact, outsideWindow, by, utc(at), report.consented(),
                        emptyToNull(report.before()), emptyToNull(report.after()))
                .update();
    }

    List<Callback> callbacks(long caseId) {
        return jdbc.sql("select * from ft_callback where case_id = ? order by id").param(caseId)
                .query(CaseHistory::mapCallback).list();
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
        return handOff(rs, "");
    }

    /** The hand-off in a row whose {@code ft_hand_off} columns are named {@code prefix + column}. */
    static HandOff handOff(ResultSet rs, String prefix) throws SQLException {
        String endedAs = rs.getString(prefix + "ended_as");
        return new HandOff(rs.getLong(prefix + "id"), rs.getLong(prefix + "case_id"),
                new HandOffTarget(rs.getString(prefix + "colleague_id"), rs.getString(prefix + "team_id")),
                rs.getString(prefix + "note"), rs.getString(prefix + "handed_off_by"), read(rs, prefix + "started_at"),
                read(rs, prefix + "ended_at"), endedAs == null ? null : HandOff.EndedAs.valueOf(endedAs),
                rs.getString(prefix + "resolution"), rs.getString(prefix + "ended_by"),
                rs.getInt(prefix + "check_ins_due"), rs.getInt(prefix + "check_ins_done"),
                read(rs, prefix + "escalated_at"), read(rs, prefix + "check_in_anchor_at"),
                read(rs, prefix + "next_check_in_at"));
    }

    private static Callback mapCallback(ResultSet rs, int row) throws SQLException {
        return new Callback(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("attempt"),
                CallbackOutcome.valueOf(rs.getString("outcome")), rs.getString("customer_words"),
                rs.getObject("satisfaction", Integer.class), rs.getString("new_request"), rs.getBoolean("on_first_contact"),
                rs.getString("called_by"), read(rs, "called_at"), rs.getBoolean("outside_window"),
                rs.getBoolean("consent_to_share"), rs.getString("before_text"), rs.getString("after_text"));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
