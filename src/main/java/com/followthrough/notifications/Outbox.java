package com.followthrough.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox, table {@code ft_mail_outbox} (named when email was the only channel). A step writes one row per reader
 * and channel in its own transaction ({@link #enqueue} refuses to run outside one): whom, on which channel and address,
 * the kind, and the facts the wording needs; the sender claims rows, renders and delivers them, and each ends SENT,
 * FAILED or CANCELLED. Rows written before notifications were rendered at delivery carry their rendered message
 * instead.
 * <p>Claiming is {@code SELECT ... FOR UPDATE SKIP LOCKED} in a short transaction of its own (H2 2.3 and PostgreSQL
 * both support it), then the rows are marked with the claimer, the node run that holds the claim and a claim expiry. A
 * claim holds while the run's heartbeat ({@code ft_node}, see {@code cluster.Node}) lives and the expiry has not
 * passed: a node that dies leaves claims that another node takes over once its heartbeat is {@code dead-after} old.
 */
@Repository
class Outbox {

    /** CANCELLED: no longer true when it would arrive (a check-in reminder for a hand-off that has ended). */
    enum State { PENDING, SENT, FAILED, CANCELLED }

    /**
     * What a step writes: one reader told on one channel.
     *
     * @param recipientId the user it is for, or null for a customer
     * @param zone        the zone the reader reads times in, as it was at the step
     * @param facts       what the wording needs ({@link Facts#json()})
     */
    record Notification(NotificationKind kind, String channel, String caseNumber, String recipientId,
            String recipientName, String address, ZoneId zone, String facts) {
    }

    /**
     * A row as the sender sees it.
     *
     * @param recipientId the user it is for (their language is looked up when it is rendered), null for a customer
     * @param facts   null for a row written before rendering moved to delivery: it carries {@code subject},
     *                {@code text} and {@code html} as they were rendered at its step
     */
    record Entry(long id, String messageId, NotificationKind kind, String channel, String caseNumber,
            String recipientId, String recipientName, String address, ZoneId zone, String facts, String subject,
            String text, String html, int attempts, String claimedBy) {

        boolean renderedAtItsStep() {
            return facts == null;
        }
    }

    /** A row nobody may be sending now: unclaimed, its claim expired, or its claimer's node run dead. */
    private static final String CLAIMABLE = """
            (claimed_until is null or claimed_until <= :now
             or not exists (select 1 from ft_node n where n.id = o.claimed_node and n.heartbeat_at > :deadBefore))""";

    private final JdbcClient jdbc;
    private final String messageIdDomain;

    Outbox(JdbcClient jdbc, Links links) {
        this.jdbc = jdbc;
        this.messageIdDomain = links.host();
    }

    /** Writes a notification for delivery, in the caller's transaction; returns its Message-ID. */
    @Transactional(propagation = Propagation.MANDATORY)
    String enqueue(Notification notification, Instant now) {
        return enqueue(notification, now, now);
    }

    /** Writes a notification that is not to leave before {@code due} (a paced launch notice). */
    @Transactional(propagation = Propagation.MANDATORY)
    String enqueue(Notification notification, Instant now, Instant due) {
        String messageId = "<" + UUID.randomUUID() + "." + notification.kind().name().toLowerCase().replace('_', '-')
                + "@" + messageIdDomain + ">";
        jdbc.sql("""
                        insert into ft_mail_outbox (message_id, kind, channel, case_number, recipient_id,
                            recipient_name, to_address, reader_zone, facts, state, attempts, next_attempt_at,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                        """)
                .params(messageId, notification.kind().name(), notification.channel(), notification.caseNumber(),
                        notification.recipientId(), notification.recipientName(), notification.address(),
                        notification.zone().getId(), notification.facts(), utc(due), utc(now))
                .update();
        return messageId;
    }

    /**
     * Cancels the case's pending mails of this kind that no sender holds, in the caller's transaction; returns how
     * many. A mail being sent right now (claimed) still goes out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int cancelPending(String caseNumber, NotificationKind kind, Instant now) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = 'CANCELLED', last_error = 'cancelled: no longer due'
                        where case_number = ? and kind = ? and state = 'PENDING'
                          and (claimed_until is null or claimed_until <= ?)
                        """)
                .params(caseNumber, kind.name(), utc(now)).update();
    }

    /**
     * Claims up to {@code limit} due rows of the given channels for {@code claimer}, a claim of the node run {@code
     * node}, until {@code claimUntil}: rows no one claims, rows whose claim expired, and rows claimed by a run whose
     * heartbeat is older than {@code deadBefore} (a node that died: its claims are taken over in seconds, not after the
     * claim timeout). Must run in a transaction of its own that commits before the mail is sent.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Entry> claim(String claimer, String node, Collection<String> channels, int limit, Instant now,
            Instant claimUntil, Instant deadBefore) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("""
                        select id from ft_mail_outbox o
                        where state = 'PENDING' and next_attempt_at <= :now and channel in (:channels) and %s
                        order by next_attempt_at, id
                        fetch first :limit rows only
                        for update skip locked
                        """.formatted(CLAIMABLE))
                .param("now", utc(now)).param("deadBefore", utc(deadBefore)).param("limit", limit)
                .param("channels", channels).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        update ft_mail_outbox o set claimed_by = :claimer, claimed_node = :node, claimed_until = :until
                        where id in (:ids) and state = 'PENDING' and %s
                        """.formatted(CLAIMABLE))
                .param("claimer", claimer).param("node", node).param("until", utc(claimUntil)).param("ids", ids)
                .param("now", utc(now)).param("deadBefore", utc(deadBefore))
                .update();
        return jdbc.sql("select * from ft_mail_outbox where id in (:ids) and claimed_by = :claimer order by id")
                .param("ids", ids).param("claimer", claimer)
                .query(Outbox::map).list();
    }

    /**
     * Records one delivery by node {@code sentBy}, with the subject it went out with (for operators' queries), durably,
     * before the sender sends the next one; false if the claim was lost (taken over by another sender, which may send
     * it again).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean markSent(Entry row, String sentBy, String subject, Instant now) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = 'SENT', sent_at = ?, sent_by = ?, attempts = attempts + 1,
                            subject = coalesce(?, subject), last_error = null, claimed_by = null, claimed_node = null,
                            claimed_until = null
                        where id = ? and claimed_by = ? and state = 'PENDING'
                        """)
                .params(utc(now), sentBy, truncate(subject, 500), row.id(), row.claimedBy())
                .update() == 1;
    }

    /** Gives up the rest of a claim (a sender stopping): the rows are due for the next sender at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    int release(String claimer) {
        return jdbc.sql("""
                        update ft_mail_outbox set claimed_by = null, claimed_node = null, claimed_until = null
                        where claimed_by = ? and state = 'PENDING'
                        """)
                .param(claimer).update();
    }

    /** Records a failed attempt: pending again from {@code retryAt}, or FAILED when {@code retryAt} is null. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean markAttemptFailed(Entry row, String error, Instant retryAt) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = ?, attempts = attempts + 1, last_error = ?,
                            next_attempt_at = coalesce(?, next_attempt_at), claimed_by = null, claimed_node = null,
                            claimed_until = null
                        where id = ? and claimed_by = ? and state = 'PENDING'
                        """)
                .params(retryAt == null ? State.FAILED.name() : State.PENDING.name(), truncate(error, 2000),
                        utc(retryAt), row.id(), row.claimedBy())
                .update() == 1;
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("reader_zone");
        return new Entry(rs.getLong("id"), rs.getString("message_id"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("channel"), rs.getString("case_number"), rs.getString("recipient_id"),
                rs.getString("recipient_name"), rs.getString("to_address"), zone == null ? null : ZoneId.of(zone),
                rs.getString("facts"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"),
                rs.getString("claimed_by"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
