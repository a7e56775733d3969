package com.followthrough.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail that has not gone out, as operators see it on the dashboard's Operations panel. Offered here so that no
 * other module reads the outbox's table: how the outbox stores its mail stays the notifications' business.
 */
@Component
public class OutboxBacklog {

    /**
     * @param pending            mail waiting to be sent (or sent again)
     * @param failed             mail the sender gave up on
     * @param oldestPendingSince when the oldest waiting mail was written; null when none waits
     */
    public record Backlog(long pending, long failed, Instant oldestPendingSince) {
    }

    private final JdbcClient jdbc;
    private final MailOutbox outbox;

    OutboxBacklog(JdbcClient jdbc, MailOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
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
                outbox.oldestPending().orElse(null));
    }
}
