package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.literal;
import static com.followthrough.dashboard.Sql.read;
import static com.followthrough.dashboard.Sql.utc;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.HandOff;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The read model of closed cases ({@code ft_dashboard_closed}): one row per closed case with its durations, written
 * when the case closes, in the same transaction (the {@link CaseEvents.Closed} listener runs synchronously), so the
 * trends never disagree with the cases. Durations are stored as working time on the deployment's business calendar
 * and as calendar time. Cases closed before the table existed are filled in once at start-up. The roll-ups of closed
 * cases ({@link ClosedRollups}) follow each row in the same transaction: a row written again is first taken back, so a
 * case counts once however often it is recorded.
 */
@Component
class ClosedCaseFacts {

    private static final Logger log = LoggerFactory.getLogger(ClosedCaseFacts.class);

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;

    private final ClosedRollups rollups;
    private final TransactionTemplate transactions;

    ClosedCaseFacts(JdbcClient jdbc, WorkCalendar calendar, ClosedRollups rollups,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.rollups = rollups;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void closed(CaseEvents.Closed closed) {
        record(closed.kase().id());
    }

    /** Cases closed before the read model existed (or written around the lifecycle service). */
    @EventListener(ApplicationReadyEvent.class)
    public void backfill() {
        try {
            List<Long> missing = jdbc.sql("""
                    select c.id from ft_case c where c.status = %s
                    and not exists (select 1 from ft_dashboard_closed f where f.case_id = c.id)
                    """.formatted(literal(CaseStatus.CLOSED))).query(Long.class).list();
            missing.forEach(id -> transactions.executeWithoutResult(status -> record(id)));
            if (!missing.isEmpty()) {
                log.info("Dashboard read model: {} closed cases filled in", missing.size());
            }
        } catch (RuntimeException e) {
            // Another node may be filling in the same rows; the next start-up completes what is left.
            log.warn("Dashboard read model: filling in closed cases stopped: {}", e.toString());
        }
    }

    /** (Re)computes the row of one closed case; nothing for an open case. */
    @Transactional
    public void record(long caseId) {
        record Closed(String owner, String priority, ClosedAs closedAs, Instant openedAt, Instant closedAt,
                int reopens) {
        }
        var found = jdbc.sql("""
                select owner_id, priority, closed_as, opened_at, closed_at, reopen_count from ft_case
                where id = ? and status = %s
                """.formatted(literal(CaseStatus.CLOSED))).param(caseId).query((rs, row) -> new Closed(
                rs.getString("owner_id"), rs.getString("priority"), ClosedAs.valueOf(rs.getString("closed_as")),
                read(rs, "opened_at"), read(rs, "closed_at"), rs.getInt("reopen_count"))).optional();
        if (found.isEmpty()) {
            return;
        }
        Closed c = found.get();
        Instant resolvedAt = c.closedAs() == ClosedAs.CONFIRMED_ON_FIRST_CONTACT ? c.closedAt()
                : jdbc.sql("""
                        select max(ended_at) as resolved from ft_hand_off
                        where case_id = ? and ended_as = %s and ended_at <= ?
                        """.formatted(literal(HandOff.EndedAs.RESOLVED))).params(caseId, utc(c.closedAt()))
                        .query((rs, row) -> read(rs, "resolved")).optional().orElse(null);
        if (resolvedAt == null) {
            resolvedAt = c.closedAt();
        }
        Instant firstCallback = c.closedAs() == ClosedAs.CONFIRMED_ON_FIRST_CONTACT ? null
                : jdbc.sql("""
                        select min(called_at) as first_call from ft_callback
                        where case_id = ? and on_first_contact = false and called_at >= ?
                        """).params(caseId, utc(resolvedAt)).query((rs, row) -> read(rs, "first_call")).optional()
                        .orElse(null);
        rollups.fact(caseId).ifPresent(rollups::subtract);
        jdbc.sql("delete from ft_dashboard_closed where case_id = ?").param(caseId).update();
        jdbc.sql("""
                insert into ft_dashboard_closed (case_id, owner_id, priority, closed_as, opened_at, resolved_at,
                    first_callback_at, closed_at, reopen_count, resolution_business_s, resolution_calendar_s,
                    to_callback_business_s, to_callback_calendar_s, to_close_business_s, to_close_calendar_s)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, c.owner(), c.priority(), c.closedAs().name(), utc(c.openedAt()), utc(resolvedAt),
                        utc(firstCallback), utc(c.closedAt()), c.reopens(),
                        business(c.openedAt(), resolvedAt), elapsed(c.openedAt(), resolvedAt),
                        firstCallback == null ? null : business(resolvedAt, firstCallback),
                        firstCallback == null ? null : elapsed(resolvedAt, firstCallback),
                        business(c.openedAt(), c.closedAt()), elapsed(c.openedAt(), c.closedAt()))
                .update();
        rollups.add(rollups.fact(caseId).orElseThrow());
    }

    private long business(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to).toSeconds();
    }

    private static long elapsed(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to).toSeconds() : 0;
    }

    /** A closed case's times were moved after it closed (the demo data): its row is computed again. */
    @EventListener
    @Transactional
    void rewritten(CaseHistoryRewritten rewritten) {
        record(rewritten.caseId());
    }
}
