package com.followthrough.stories;

import static com.followthrough.stories.Sql.utc;

import com.followthrough.cases.CaseEvents;
import com.followthrough.cases.CaseRecord;
import com.followthrough.cases.HandOff;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who worked on each case and how: the stories module's read models of case work ({@code ft_story_person},
 * {@code ft_story_hand_off}), kept from the case events. Plain (synchronous) listeners: they write in the transaction
 * of the step that published the event, so the read model commits or rolls back with the step, and they take what they
 * need from the event, never reading the case again. A closed case goes on to {@link ClosedCases}.
 *
 * <p>"Worked a hand-off" means: the colleague it was handed to by name, and whoever resolved it, passed it on or sent
 * it back with a question (a team member who acted on it). The owner is on every case they owned at its opening or its
 * closing.
 */
@Component
class CaseWork {

    enum Role { OWNER, COLLEAGUE }

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new case has nobody on it yet: its owner is inserted without asking first (one statement less per intake). */
    @EventListener
    void opened(CaseEvents.Opened e) {
        insert(e.kase().id(), e.kase().owner(), Role.OWNER, e.kase().openedAt());
    }

    @EventListener
    void handedOff(CaseEvents.HandedOff e) {
        started(e.kase(), e.handOff(), false);
    }

    @EventListener
    void passedOn(CaseEvents.PassedOn e) {
        ended(e.kase(), e.passedOn(), e.actor());
        started(e.kase(), e.handOff(), false);
    }

    @EventListener
    void sentBack(CaseEvents.SentBack e) {
        colleague(e.kase(), e.actor());
    }

    @EventListener
    void resolved(CaseEvents.HandOffResolved e) {
        ended(e.kase(), e.handOff(), e.actor());
    }

    /** Effective: the resolved hand-off's fix held. Not: it did not, and the new hand-off is its redo. */
    @EventListener
    void verified(CaseEvents.FixVerified e) {
        Instant now = clock.instant();
        if (e.effective()) {
            jdbc.sql("update ft_story_hand_off set verified_at = ?, effective = true where hand_off_id = ?")
                    .params(utc(now), e.handOff().id()).update();
            return;
        }
        jdbc.sql("""
                update ft_story_hand_off set verified_at = ?, effective = false
                where case_id = ? and ended_as = 'RESOLVED' and verified_at is null
                """).params(utc(now), e.kase().id()).update();
        started(e.kase(), e.handOff(), true);
    }

    // ---

    private void started(CaseRecord kase, HandOff handOff, boolean redo) {
        jdbc.sql("""
                insert into ft_story_hand_off (hand_off_id, case_id, owner_id, team_id, colleague_id, started_at, redo)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(handOff.id(), kase.id(), kase.owner(), handOff.target().team(),
                handOff.target().colleague(), utc(handOff.startedAt()), redo).update();
        if (handOff.target().colleague() != null) {
            colleague(kase, handOff.target().colleague());
        }
    }

    private void ended(CaseRecord kase, HandOff handOff, String actor) {
        jdbc.sql("""
                update ft_story_hand_off set ended_at = ?, ended_as = ?, ended_by = ?, check_ins = ?, owner_id = ?
                where hand_off_id = ?
                """).params(utc(handOff.endedAt()), handOff.endedAs().name(), actor, handOff.checkInsDone(),
                kase.owner(), handOff.id()).update();
        colleague(kase, actor);
    }

    private void colleague(CaseRecord kase, String person) {
        if (!kase.isOwnedBy(person)) {
            worked(kase.id(), person, Role.COLLEAGUE, clock.instant());
        }
    }

    /**
     * Adds the person to the case's people; an owner who also worked a hand-off is its owner. Steps of one case never
     * run at once (the case's version), so the check and the insert see the same rows.
     */
    void worked(long caseId, String person, Role role, Instant since) {
        var known = jdbc.sql("select role from ft_story_person where case_id = ? and person_id = ?")
                .params(caseId, person).query(String.class).optional();
        if (known.isEmpty()) {
            insert(caseId, person, role, since);
        } else if (role == Role.OWNER && !known.get().equals(Role.OWNER.name())) {
            jdbc.sql("update ft_story_person set role = 'OWNER' where case_id = ? and person_id = ?")
                    .params(caseId, person).update();
        }
    }

    private void insert(long caseId, String person, Role role, Instant since) {
        jdbc.sql("insert into ft_story_person (case_id, person_id, role, since) values (?, ?, ?, ?)")
                .params(caseId, person, role.name(), utc(since)).update();
    }
}
