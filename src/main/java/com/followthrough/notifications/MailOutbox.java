package com.followthrough.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code ft_mail_outbox} table. Rows are written in the transaction of the step that causes the mail
 * ({@link #enqueue} refuses to run outside one), claimed by one sender at a time, and end SENT or FAILED.
 * <p>Claiming is {@code SELECT ... FOR UPDATE SKIP LOCKED} in a short transaction of its own (H2 2.3 and PostgreSQL
 * both support it), then the rows are marked with the claimer, the node run that holds the claim and a claim expiry. A
 * claim holds while the run's heartbeat ({@code ft_node}, see {@code cluster.Node}) lives and the expiry has not
 * passed: a node that dies leaves claims that another node takes over once its heartbeat is {@code dead-after} old.
 */
@Repository
class MailOutbox {

    /** CANCELLED: no longer true when it would arrive (a check-in reminder for a hand-off that has ended). */
    enum State { PENDING, SENT, FAILED, CANCELLED }

    /** A row as the sender sees it. */
    record OutboxMail(long id, String messageId, MailKind kind, String caseNumber, String to, String subject,
            String text, String html, int attempts, String claimedBy) {
    }

    /** A row that gave up, for operators. */
    record FailedMail(long id, String caseNumber, MailKind kind, String to, int attempts, String lastError,
            Instant createdAt) {
    }

    /** A row nobody may be sending now: unclaimed, its claim expired, or its claimer's node run dead. */
    private static final String CLAIMABLE = """
            (claimed_until is null or claimed_until <= :now
             or not exists (select 1 from ft_node n where n.id = o.claimed_node and n.heartbeat_at > :deadBefore))""";

    private final JdbcClient jdbc;
    private final String messageIdDomain;

    MailOutbox(JdbcClient jdbc, Links links) {
        this.jdbc = jdbc;
        this.messageIdDomain = links.host();
    }

    /** Writes a mail for delivery, in the caller's transaction; returns its Message-ID. */
    @Transactional(propagation = Propagation.MANDATORY)
    String enqueue(Mail mail, Instant now) {
        String messageId = "<" + UUID.randomUUID() + "." + mail.kind().name().toLowerCase().replace('_', '-')
                + "@" + messageIdDomain + ">";
        jdbc.sql("""
                        insert into ft_mail_outbox (message_id, kind, case_number, recipient_id, to_address, subject,
                            body_text, body_html, state, attempts, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                        """)
                .params(messageId, mail.kind().name(), mail.caseNumber(), mail.recipientId(), mail.to(),
                        truncate(mail.subject(), 500), mail.text(), mail.html(), utc(now), utc(now))
                .update();
        return messageId;
    }

    /**
     * Cancels the case's pending mails of this kind that no sender holds, in the caller's transaction; returns how
     * many. A mail being sent right now (claimed) still goes out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int cancelPending(String caseNumber, MailKind kind, Instant now) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = 'CANCELLED', last_error = 'cancelled: no longer due'
                        where case_number = ? and kind = ? and state = 'PENDING'
                          and (claimed_until is null or claimed_until <= ?)
                        """)
                .params(caseNumber, kind.name(), utc(now)).update();
    }

    /**
     * Claims up to {@code limit} due rows for {@code claimer}, a claim of the node run {@code node}, until
     * {@code claimUntil}: rows no one claims, rows whose claim expired, and rows claimed by a run whose heartbeat is
     * older than {@code deadBefore} (a node that died: its claims are taken over in seconds, not after the claim
     * timeout). Must run in a transaction of its own that commits before the mail is sent.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<OutboxMail> claim(String claimer, String node, int limit, Instant now, Instant claimUntil,
            Instant deadBefore) {
        List<Long> ids = jdbc.sql("""
                        select id from ft_mail_outbox o
                        where state = 'PENDING' and next_attempt_at <= :now and %s
                        order by next_attempt_at, id
                        fetch first :limit rows only
                        for update skip locked
                        """.formatted(CLAIMABLE))
                .param("now", utc(now)).param("deadBefore", utc(deadBefore)).param("limit", limit)
                .query(Long.class).list();
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
                .query(MailOutbox::map).list();
    }

    /**
     * Records one delivery by node {@code sentBy}, durably, before the sender sends the next mail; false if the claim
     * was lost (taken over by another sender, which may send the mail again).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean markSent(OutboxMail mail, String sentBy, Instant now) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = 'SENT', sent_at = ?, sent_by = ?, attempts = attempts + 1,
                            last_error = null, claimed_by = null, claimed_node = null, claimed_until = null
                        where id = ? and claimed_by = ? and state = 'PENDING'
                        """)
                .params(utc(now), sentBy, mail.id(), mail.claimedBy())
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
    boolean markAttemptFailed(OutboxMail mail, String error, Instant retryAt) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = ?, attempts = attempts + 1, last_error = ?,
                            next_attempt_at = coalesce(?, next_attempt_at), claimed_by = null, claimed_node = null,
                            claimed_until = null
                        where id = ? and claimed_by = ? and state = 'PENDING'
                        """)
                .params(retryAt == null ? State.FAILED.name() : State.PENDING.name(), truncate(error, 2000),
                        utc(retryAt), mail.id(), mail.claimedBy())
                .update() == 1;
    }

    Map<State, Long> countByState() {
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) as n from ft_mail_outbox group by state")
                .query((rs, row) -> counts.put(State.valueOf(rs.getString("state")), rs.getLong("n")))
                .list();
        return counts;
    }

    Optional<Instant> oldestPending() {
        return jdbc.sql("select min(created_at) from ft_mail_outbox where state = 'PENDING'")
                .query((rs, row) -> read(rs, 1)).optional();
    }

    List<FailedMail> failed(int limit) {
        return jdbc.sql("""
                        select id, case_number, kind, to_address, attempts, last_error, created_at from ft_mail_outbox
                        where state = 'FAILED' order by id desc fetch first ? rows only
                        """)
                .param(limit)
                .query((rs, row) -> new FailedMail(rs.getLong("id"), rs.getString("case_number"),
                        MailKind.valueOf(rs.getString("kind")), rs.getString("to_address"), rs.getInt("attempts"),
                        rs.getString("last_error"), read(rs, "created_at")))
                .list();
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("message_id"), MailKind.valueOf(rs.getString("kind")),
                rs.getString("case_number"), rs.getString("to_address"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("body_html"), rs.getInt("attempts"), rs.getString("claimed_by"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant read(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
