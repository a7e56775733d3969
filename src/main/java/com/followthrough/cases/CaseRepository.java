package com.followthrough.cases;

import static com.followthrough.cases.Timestamps.read;
import static com.followthrough.cases.Timestamps.utc;


import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code ft_case} table. Every change bumps {@code version}. */
@Repository
class CaseRepository {

    private static final String SELECT = """
            select c.*, l.case_number as linked_from_number
            from ft_case c left join ft_case l on l.id = c.linked_from_id
            """;

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String number, OpenCase intake, String owner, String openedBy, Long linkedFromId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ft_case (case_number, customer_name, customer_email, customer_phone, preferred_channel,
                            customer_time_zone, priority, summary, details, owner_id, status, opened_by, opened_at,
                            status_since, updated_at, linked_from_id)
                        values (:number, :name, :email, :phone, :channel, :zone, :priority, :summary, :details, :owner,
                            :status, :openedBy, :now, :now, :now, :linkedFrom)
                        """)
                .param("number", number)
                .param("name", intake.customer().name())
                .param("email", blankToNull(intake.customer().email()))
                .param("phone", blankToNull(intake.customer().phone()))
                .param("channel", intake.customer().preferredChannel().name())
                .param("zone", blankToNull(intake.customer().timeZone()))
                .param("priority", intake.priority().name())
                .param("summary", intake.summary())
                .param("details", blankToNull(intake.details()))
                .param("owner", owner)
                .param("status", CaseStatus.WITH_OWNER.name())
                .param("openedBy", openedBy)
                .param("now", utc(now))
                .param("linkedFrom", linkedFromId)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<CaseRecord> findByNumber(String number) {
        return jdbc.sql(SELECT + " where c.case_number = ?").param(number).query(CaseRepository::map).optional();
    }

    List<String> numbersLinkedFrom(long caseId) {
        return jdbc.sql("select case_number from ft_case where linked_from_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    /**
     * Claims the right to change the case as it was read: the row lock serialises concurrent actions on one case,
     * and the version check refuses the one that read a state that is gone.
     */
    boolean claim(CaseRecord record, Instant now) {
        return jdbc.sql("update ft_case set version = version + 1, updated_at = ? where id = ? and version = ?")
                .params(utc(now), record.id(), record.version())
                .update() == 1;
    }

    boolean updateStatus(String number, CaseStatus status, Instant followUpDue, Instant now) {
        return jdbc.sql("""
                        update ft_case set status = ?, status_since = ?, follow_up_due_at = ?, updated_at = ?,
                            version = version + 1
                        where case_number = ? and status <> 'CLOSED'
                        """)
                .params(status.name(), utc(now), followUpDue == null ? null : utc(followUpDue), utc(now), number)
                .update() == 1;
    }

    boolean close(String number, ClosedAs closedAs, Instant now) {
        return jdbc.sql("""
                        update ft_case set status = 'CLOSED', closed_as = ?, closed_at = ?, status_since = ?,
                            follow_up_due_at = null, updated_at = ?, version = version + 1
                        where case_number = ? and status <> 'CLOSED'
                        """)
                .params(closedAs.name(), utc(now), utc(now), utc(now), number)
                .update() == 1;
    }

    void updateOwner(long id, String owner, Instant now) {
        jdbc.sql("update ft_case set owner_id = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(owner, utc(now), id).update();
    }

    int countReopen(long id, Instant now) {
        jdbc.sql("update ft_case set reopen_count = reopen_count + 1, updated_at = ?, version = version + 1 where id = ?")
                .params(utc(now), id).update();
        return jdbc.sql("select reopen_count from ft_case where id = ?").param(id).query(Integer.class).single();
    }

    int countCallbackAttempt(long id, Instant now) {
        jdbc.sql("""
                        update ft_case set callback_attempts = callback_attempts + 1, updated_at = ?, version = version + 1
                        where id = ?
                        """)
                .params(utc(now), id).update();
        return jdbc.sql("select callback_attempts from ft_case where id = ?").param(id).query(Integer.class).single();
    }

    void updateCallbackWindow(long id, CallbackWindow window) {
        jdbc.sql("""
                        update ft_case set callback_window_date = ?, callback_window_from = ?, callback_window_to = ?,
                            callback_window_zone = ?
                        where id = ?
                        """)
                .params(window.date(), window.from(), window.to(), window.zone().getId(), id).update();
    }

    /** The stage's due time moved (the customer named a window while their callback was due). */
    void updateFollowUpDue(long id, Instant due) {
        jdbc.sql("update ft_case set follow_up_due_at = ? where id = ?").params(utc(due), id).update();
    }

    void updateCustomerZone(long id, ZoneId zone) {
        jdbc.sql("update ft_case set customer_time_zone = ? where id = ?").params(zone.getId(), id).update();
    }

    Optional<CallbackWindow> callbackWindow(long id) {
        return jdbc.sql("""
                        select callback_window_date, callback_window_from, callback_window_to, callback_window_zone
                        from ft_case where id = ? and callback_window_date is not null
                        """)
                .param(id).query((rs, row) -> window(rs)).optional();
    }

    /** The window in a row that selected the {@code callback_window_*} columns; null when there is none. */
    static CallbackWindow window(ResultSet rs) throws SQLException {
        LocalDate date = rs.getObject("callback_window_date", LocalDate.class);
        return date == null ? null : new CallbackWindow(date, rs.getObject("callback_window_from", LocalTime.class),
                rs.getObject("callback_window_to", LocalTime.class), ZoneId.of(rs.getString("callback_window_zone")));
    }

    private static CaseRecord map(ResultSet rs, int row) throws SQLException {
        String closedAs = rs.getString("closed_as");
        return new CaseRecord(
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
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
