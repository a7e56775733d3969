package com.followthrough.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What has not gone out, as operators see it: on the dashboard's Operations panel ({@link #now()}, offered so that no
 * other module reads the outbox's table) and in the outbox's health and gauges ({@link MailOutboxHealth}).
 */
@Component
public class OutboxBacklog {

    /**
     * @param pending            notifications waiting to be sent (or sent again)
     * @param failed             notifications the sender gave up on
     * @param oldestPendingSince when the oldest waiting one was written; null when none waits
     */
    public record Backlog(long pending, long failed, Instant oldestPendingSince) {
    }

    /** A row that gave up, for operators. */
    record Failed(long id, String caseNumber, NotificationKind kind, String to, int attempts, String lastError,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts only the pending and failed rows (by the state index), never the sent history. */
    @Transactional(readOnly = true)
    public Backlog now() {
        Map<String, Long> byState = new HashMap<>();
        jdbc.sql("select state, count(*) as n from ft_mail_outbox where state in ('PENDING', 'FAILED') group by state")
                .query(rs -> {
                    byState.put(rs.getString("state"), rs.getLong("n"));
                });
        return new Backlog(byState.getOrDefault("PENDING", 0L), byState.getOrDefault("FAILED", 0L),
                oldestPending().orElse(null));
    }

    Optional<Instant> oldestPending() {
        return jdbc.sql("select min(created_at) from ft_mail_outbox where state = 'PENDING'")
                .query((rs, row) -> instant(rs.getObject(1, OffsetDateTime.class))).optional();
    }

    List<Failed> failed(int limit) {
        return jdbc.sql("""
                        select id, case_number, kind, to_address, attempts, last_error, created_at from ft_mail_outbox
                        where state = 'FAILED' order by id desc fetch first ? rows only
                        """)
                .param(limit)
                .query(OutboxBacklog::failed)
                .list();
    }

    private static Failed failed(ResultSet rs, int row) throws SQLException {
        return new Failed(rs.getLong("id"), rs.getString("case_number"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("to_address"), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs.getObject("created_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
