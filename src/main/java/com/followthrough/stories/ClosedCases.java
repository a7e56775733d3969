package com.followthrough.stories;

import static com.followthrough.stories.Sql.read;
import static com.followthrough.stories.Sql.utc;

import com.followthrough.cases.CallbackReport;
import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseHistoryRewritten;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.CaseService;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.HandOff;
import com.followthrough.policy.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case's closing leaves for stories and recognition, written in the closing step's transaction from the
 * {@link CaseEvents.Closed} event alone: a row per closed case ({@code ft_story_closed}: the week in numbers,
 * confirmations per owner) and, only when the customer confirmed (at a callback or by their own answer) and agreed to
 * share their words, the story ({@link StoryStore#publish}). A case whose customer did not consent never becomes a
 * story: its words stay on the case.
 */
@Component
class ClosedCases {

    /**
     * Confirmed at a callback (also with a linked case for a further request), or by the customer's own answer by an
     * answer link, which asks the same consent: the closings a story can come of.
     */
    static final Set<ClosedAs> STORY_CLOSINGS = EnumSet.of(ClosedAs.CONFIRMED_BY_CALLBACK,
            ClosedAs.CONFIRMED_WITH_LINKED_CASE, ClosedAs.CONFIRMED_BY_CUSTOMER);

    private final JdbcClient jdbc;
    private final WorkCalendar calendar;
    private final CaseWork work;
    private final StoryStore stories;
    private final CaseService cases;

    ClosedCases(JdbcClient jdbc, WorkCalendar calendar, CaseWork work, StoryStore stories, CaseService cases) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.work = work;
        this.stories = stories;
        this.cases = cases;
    }

    @EventListener
    void closed(CaseEvents.Closed e) {
        CaseRecord kase = e.kase();
        CallbackReport callback = e.callback();
        if (kase.owner() != null) { // an outreach's case can close while it waits for an agent
            work.worked(kase.id(), kase.owner(), CaseWork.Role.OWNER, kase.closedAt());
        }
        jdbc.sql("""
                insert into ft_story_closed (case_id, owner_id, closed_as, opened_at, closed_at, to_close_business_s,
                    to_close_calendar_s, satisfaction)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(kase.id(), kase.owner(), e.closedAs().name(), utc(kase.openedAt()), utc(kase.closedAt()),
                working(kase.openedAt(), kase.closedAt()), elapsed(kase.openedAt(), kase.closedAt()),
                callback == null ? null : callback.satisfaction()).update();
        if (STORY_CLOSINGS.contains(e.closedAs()) && callback != null && callback.consented()
                && kase.owner() != null) {
            stories.publish(kase, callback, working(kase.openedAt(), kase.closedAt()),
                    elapsed(kase.openedAt(), kase.closedAt()));
        }
    }

    /**
     * A closed case's times were moved after it closed (the demo data): its rows take the case's times as they are now,
     * and what happened around its closing (the story featured, the thanks on the case) moves with its closing. The one
     * place this module reads a case back, because the event says only which case changed.
     */
    @EventListener
    @Transactional
    void rewritten(CaseHistoryRewritten e) {
        CaseRecord kase = cases.get(e.number());
        Instant oldClosedAt = jdbc.sql("select closed_at from ft_story_closed where case_id = ?").param(kase.id())
                .query((rs, row) -> read(rs, "closed_at")).optional().orElse(null);
        if (kase.closedAt() == null || oldClosedAt == null) {
            return;
        }
        long working = working(kase.openedAt(), kase.closedAt());
        long elapsed = elapsed(kase.openedAt(), kase.closedAt());
        jdbc.sql("""
                update ft_story_closed set opened_at = ?, closed_at = ?, to_close_business_s = ?, to_close_calendar_s = ?
                where case_id = ?
                """).params(utc(kase.openedAt()), utc(kase.closedAt()), working, elapsed, kase.id()).update();
        jdbc.sql("""
                update ft_story set opened_at = ?, closed_at = ?, to_confirm_business_s = ?, to_confirm_calendar_s = ?
                where case_id = ?
                """).params(utc(kase.openedAt()), utc(kase.closedAt()), working, elapsed, kase.id()).update();
        Duration moved = Duration.between(oldClosedAt, kase.closedAt());
        shift("ft_story", "case_id", "featured_at", kase.id(), moved);
        shift("ft_story", "case_id", "changed_at", kase.id(), moved);
        shift("ft_thanks", "id", "given_at", kase.id(), moved);
        for (HandOff handOff : cases.handOffs(e.number())) {
            moved(handOff);
        }
    }

    /** Moves the times in {@code column} of the case's rows of {@code table} (each row by its {@code key}). */
    private void shift(String table, String key, String column, long caseId, Duration by) {
        record Moved(long key, Instant at) {
        }
        jdbc.sql("select " + key + " as k, " + column + " as t from " + table + " where case_id = ? and " + column
                        + " is not null").param(caseId)
                .query((rs, row) -> new Moved(rs.getLong("k"), read(rs, "t"))).list()
                .forEach(row -> jdbc.sql("update " + table + " set " + column + " = ? where " + key + " = ?")
                        .params(utc(row.at().plus(by)), row.key()).update());
    }

    /** A hand-off's new times; its verification moves with its end, keeping the time between them. */
    private void moved(HandOff handOff) {
        var before = jdbc.sql("select ended_at, verified_at from ft_story_hand_off where hand_off_id = ?")
                .param(handOff.id()).query((rs, row) -> new Instant[] {read(rs, "ended_at"), read(rs, "verified_at")})
                .optional();
        if (before.isEmpty()) {
            return;
        }
        Instant oldEnd = before.get()[0];
        Instant oldVerified = before.get()[1];
        Instant verified = oldVerified == null || oldEnd == null || handOff.endedAt() == null ? oldVerified
                : handOff.endedAt().plus(Duration.between(oldEnd, oldVerified));
        jdbc.sql("update ft_story_hand_off set started_at = ?, ended_at = ?, verified_at = ? where hand_off_id = ?")
                .params(utc(handOff.startedAt()), utc(handOff.endedAt()), utc(verified), handOff.id()).update();
    }

    private long working(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to).toSeconds();
    }

    private static long elapsed(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to).toSeconds() : 0;
    }
}
