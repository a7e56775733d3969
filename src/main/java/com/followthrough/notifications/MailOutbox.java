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
 * both support it), then the rows are marked with the claimer and a claim expiry; a node that dies leaves a claim that
 * expires, and another node retries the row.
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
     * Claims up to {@code limit} due rows for {@code claimer} until {@code claimUntil}. Must run in a transaction of
     * its own that commits before the mail is sent.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<OutboxMail> claim(String claimer, int limit, Instant now, Instant claimUntil) {
        List<Long> ids = jdbc.sql("""
                        select id from ft_mail_outbox
                        where state = 'PENDING' and next_attempt_at <= :now
                          and (claimed_until is null or claimed_until <= :now)
                        order by next_attempt_at, id
                        fetch first :limit rows only
                        for update skip locked
                        """)
                .param("now", utc(now)).param("limit", limit)
                .query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        update ft_mail_outbox set claimed_by = :claimer, claimed_until = :until
                        where id in (:ids) and state = 'PENDING' and (claimed_until is null or claimed_until <= :now)
                        """)
                .param("claimer", claimer).param("until", utc(claimUntil)).param("ids", ids).param("now", utc(now))
                .update();
        return jdbc.sql("select * from ft_mail_outbox where id in (:ids) and claimed_by = :claimer order by id")
                .param("ids", ids).param("claimer", claimer)
                .query(MailOutbox::map).list();
    }

    /**
     * Records deliveries of one claim; returns how many were recorded. Fewer than given means claims were lost (they
     * expired and another sender took the rows).
     */
    int markSent(List<OutboxMail> mails, Instant now) {
        if (mails.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update ft_mail_outbox set state = 'SENT', sent_at = :now, attempts = attempts + 1,
                            last_error = null, claimed_by = null, claimed_until = null
                        where id in (:ids) and claimed_by = :claimer and state = 'PENDING'
                        """)
                .param("now", utc(now)).param("ids", mails.stream().map(OutboxMail::id).toList())
                .param("claimer", mails.get(0).claimedBy())
                .update();
    }

    /** Records a failed attempt: pending again from {@code retryAt}, or FAILED when {@code retryAt} is null. */
    boolean markAttemptFailed(OutboxMail mail, String error, Instant retryAt) {
        return jdbc.sql("""
                        update ft_mail_outbox set state = ?, attempts = attempts + 1, last_error = ?,
                            next_attempt_at = coalesce(?, next_attempt_at), claimed_by = null, claimed_until = null
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
