package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;

import com.followthrough.cases.CaseChanges.Row;
import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The SQL of the {@code ft_case} row, for {@link CaseRepository}: the case read with its latest hand-off in one
 * query, the insert of a new case (every column an intake and its first step can set, so it is written once), and the
 * update of just the columns the transitions changed ({@link CaseChanges.Row}), with the version check of a person's
 * action.
 */
@Component
class CaseRows {

    /**
     * The case with its latest hand-off. The join names the hand-off's case as well as its id, so PostgreSQL can walk
     * the case's few hand-offs by {@code ft_hand_off_case_ix}. While a young table's statistics still said it was tiny,
     * the plan hashed the whole of {@code ft_hand_off} on every load instead (issue 20, BENCHMARKS.md "The case load's
     * plan on a young database"); once analysed, either form is an index walk.
     */
    private static final String SELECT = """
            select c.*, l.case_number as linked_from_number, h.id as h_id, h.case_id as h_case_id,
                h.colleague_id as h_colleague_id,
                h.team_id as h_team_id, h.note as h_note, h.handed_off_by as h_handed_off_by,
                h.started_at as h_started_at, h.ended_at as h_ended_at, h.ended_as as h_ended_as,
                h.resolution as h_resolution, h.ended_by as h_ended_by, h.check_ins_due as h_check_ins_due,
                h.check_ins_done as h_check_ins_done, h.escalated_at as h_escalated_at,
                h.check_in_anchor_at as h_check_in_anchor_at, h.next_check_in_at as h_next_check_in_at
            from ft_case c
                left join ft_case l on l.id = c.linked_from_id
                left join ft_hand_off h on h.case_id = c.id
                    and h.id = (select max(h2.id) from ft_hand_off h2 where h2.case_id = c.id)
            """;

    private final JdbcClient jdbc;

    CaseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Case> select(String number) {
        return jdbc.sql(SELECT + " where c.case_number = ?").param(number).query(CaseRows::map).optional();
    }

    /** The row's version as committed now (or as this transaction wrote it); empty if the row is gone. */
    Optional<Long> version(long id) {
        return jdbc.sql("select version from ft_case where id = ?").param(id).query(Long.class).optional();
    }

    /** Inserts a new case's row and its search words; its id. */
    long insert(Case kase) {
        CaseRecord row = kase.snapshot();
        CallbackWindow window = kase.callbackWindow();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ft_case (case_number, customer_name, customer_email, customer_phone, preferred_channel,
                            customer_time_zone, priority, summary, details, owner_id, status, opened_by, opened_at,
                            status_since, updated_at, follow_up_due_at, closed_as, closed_at, reopen_count,
                            callback_attempts, linked_from_id, callback_window_date, callback_window_from,
                            callback_window_to, callback_window_zone, search_text)
                        values (:number, :name, :email, :phone, :channel, :zone, :priority, :summary, :details, :owner,
                            :status, :openedBy, :now, :statusSince, :now, :followUpDue, :closedAs, :closedAt, :reopens,
                            :attempts, :linkedFrom, :windowDate, :windowFrom, :windowTo, :windowZone, :searchText)
                        """)
                .param("number", row.number())
                .param("name", row.customer().name())
                .param("email", row.customer().email())
                .param("phone", row.customer().phone())
                .param("channel", row.customer().preferredChannel().name())
                .param("zone", row.customer().timeZone())
                .param("priority", row.priority().name())
                .param("summary", row.summary())
                .param("details", row.details())
                .param("owner", row.owner())
                .param("status", row.status().name())
                .param("openedBy", row.openedBy())
                .param("now", utc(row.openedAt()))
                .param("statusSince", utc(row.statusSince()))
                .param("followUpDue", utc(kase.followUpDue()))
                .param("closedAs", row.closedAs() == null ? null : row.closedAs().name())
                .param("closedAt", utc(row.closedAt()))
                .param("reopens", row.reopenCount())
                .param("attempts", row.callbackAttempts())
                .param("linkedFrom", kase.linkedFromId())
                .param("windowDate", window == null ? null : window.date())
                .param("windowFrom", window == null ? null : window.from())
                .param("windowTo", window == null ? null : window.to())
                .param("windowZone", window == null ? null : window.zone().getId())
                .param("searchText", SearchText.of(row.customer().name(), row.summary(), row.customer().email(),
                        row.number()))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        SearchWords.add(jdbc, id, row);
        return id;
    }

    /** The window in a row that selected the {@code callback_window_*} columns; null when there is none. */
    static CallbackWindow window(ResultSet rs) throws SQLException {
        LocalDate date = rs.getObject("callback_window_date", LocalDate.class);
        return date == null ? null : new CallbackWindow(date, rs.getObject("callback_window_from", LocalTime.class),
                rs.getObject("callback_window_to", LocalTime.class), ZoneId.of(rs.getString("callback_window_zone")));
    }

    /** Writes the changed columns and bumps the version; a claimed action only if the version is the one it read. */
    void update(Case kase, CaseChanges changes, Instant now) {
        ColumnsToSet set = new ColumnsToSet().computed("version = version + 1").set("updated_at", utc(now));
        Set<Row> row = changes.row();
        CaseRecord state = kase.snapshot();
        if (row.contains(Row.STAGE)) {
            set.set("status", state.status().name()).set("status_since", utc(state.statusSince()))
                    .set("closed_as", state.closedAs() == null ? null : state.closedAs().name())
                    .set("closed_at", utc(state.closedAt()));
        }
        if (row.contains(Row.STAGE) || row.contains(Row.FOLLOW_UP_DUE)) {
            set.set("follow_up_due_at", utc(kase.followUpDue()));
        }
        if (row.contains(Row.OWNER)) {
            set.set("owner_id", state.owner());
        }
        if (row.contains(Row.REOPENS)) {
            set.set("reopen_count", state.reopenCount());
        }
        if (row.contains(Row.CALLBACK_ATTEMPTS)) {
            set.set("callback_attempts", state.callbackAttempts());
        }
        if (row.contains(Row.CUSTOMER_ZONE)) {
            set.set("customer_time_zone", state.customer().timeZone());
        }
        if (row.contains(Row.CALLBACK_WINDOW)) {
            CallbackWindow window = kase.callbackWindow();
            set.set("callback_window_date", window.date()).set("callback_window_from", window.from())
                    .set("callback_window_to", window.to()).set("callback_window_zone", window.zone().getId());
        }
        int updated;
        try {
            updated = changes.claimed()
                    ? set.update(jdbc, "ft_case", "id = :where_id and version = :where_version",
                            Map.of("where_id", kase.id(), "where_version", kase.version()))
                    : set.update(jdbc, "ft_case", "id = :where_id", Map.of("where_id", kase.id()));
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrentCaseUpdateException(kase.number(), e);
        }
        if (updated != 1) {
            if (changes.claimed()) {
                throw new ConcurrentCaseUpdateException(kase.number(), null);
            }
            throw new IllegalStateException("Case " + kase.number() + " is gone");
        }
    }

    private static Case map(ResultSet rs, int row) throws SQLException {
        String closedAs = rs.getString("closed_as");
        CaseRecord record = new CaseRecord(
                rs.getLong("id"),
                rs.getString("case_number"),
                new Customer(rs.getString("customer_name"), rs.getString("customer_email"),
                        rs.getString("customer_phone"), ContactChannel.valueOf(rs.getString("preferred_channel")),
                        rs.getString("customer_time_zone")),
                Priority.valueOf(rs.getString("priority")),
                rs.getString("summary"),
                rs.getString("details"),
                rs.getString("owner_id"),
                CaseStatus.valueOf(rs.getString("status")),
                closedAs == null ? null : ClosedAs.valueOf(closedAs),
                rs.getString("opened_by"),
                read(rs, "opened_at"),
                read(rs, "status_since"),
                read(rs, "updated_at"),
                read(rs, "closed_at"),
                rs.getInt("reopen_count"),
                rs.getInt("callback_attempts"),
                rs.getString("linked_from_number"),
                rs.getLong("version"));
        long linkedFromId = rs.getLong("linked_from_id");
        Long linkedFrom = rs.wasNull() ? null : linkedFromId;
        rs.getLong("h_id");
        HandOff handOff = rs.wasNull() ? null : CaseHistory.handOff(rs, "h_");
        return new Case(record, linkedFrom, read(rs, "follow_up_due_at"), window(rs), handOff);
    }
}
