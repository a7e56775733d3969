package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.literal;
import static com.followthrough.dashboard.Sql.literals;

import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.ClosedAs;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The figures of a period: conditions on a case {@code c}, its row {@code f} in the read model of closed cases if it
 * is closed, and its open hand-off {@code h}, for what happened from {@code :from} to {@code :to} ({@link #CASES}).
 * The trends count them ({@link PeriodCounts}); a list shows the cases, each once.
 */
enum PeriodFigure implements Figure {

    OPENED("opened", "cases opened in the period (day: one day)", "c.opened_at >= :from and c.opened_at <= :to"),
    CLOSED("closed", "cases closed in the period (day: one day; closedAs: how they closed)", When.CLOSED_IN) {
        @Override
        public String condition(Criteria criteria) {
            List<ClosedAs> closedAs = criteria.refinement().closedAs();
            return closedAs == null || closedAs.isEmpty() ? When.CLOSED_IN
                    : When.CLOSED_IN + " and f.closed_as in (" + criteria.bind("closedAs", closedAs) + ")";
        }
    },
    CALLED_BACK("called-back", "cases closed in the period after a callback",
            When.CLOSED_IN + " and f.first_callback_at is not null"),
    REOPENED("reopened", "cases closed in the period that were reopened at least once",
            When.CLOSED_IN + " and f.reopen_count > 0"),
    RATED("rated", "cases with a satisfaction score given on a callback in the period",
            "c.id in (select cb.case_id from ft_callback cb where cb.called_at >= :from and cb.called_at <= :to"
                    + " and cb.satisfaction is not null)"),
    HAND_OFFS_ENDED("hand-offs-ended", "cases with a hand-off that ended in the period",
            "c.id in (select he.case_id from ft_hand_off he where he.ended_at >= :from and he.ended_at <= :to)"),
    /** Stalled hand-offs by the team they went to, and the owner's own late steps ({@link OwnerEscalation}). */
    ESCALATED("escalated", "cases escalated in the period (escalatedTeam: the team, colleagues, late callbacks, "
            + "cases not worked or fixes not verified)", null) {
        @Override
        public String condition(Criteria criteria) {
            String team = criteria.refinement().escalatedTeam();
            Optional<OwnerEscalation> own = OwnerEscalation.byRow(team);
            if (own.isPresent()) {
                return "c.id in (select e.case_id from ft_case_event e where e.event_type = " + When.ESCALATED
                        + " and e.occurred_at >= :from and e.occurred_at <= :to and e.detail = "
                        + criteria.bind("kind", own.get().kind) + ")";
            }
            String handOffs = "c.id in (select he.case_id from ft_hand_off he where he.escalated_at >= :from"
                    + " and he.escalated_at <= :to" + When.team("he", team, "escalatedTeam", criteria) + ")";
            return team != null ? handOffs : "(" + handOffs + " or c.id in (select e.case_id from ft_case_event e"
                    + " where e.event_type = " + When.ESCALATED + " and e.occurred_at >= :from and e.occurred_at <= :to"
                    + " and e.detail in (" + literals(OwnerEscalation.kinds()) + ")))";
        }
    },
    /** A colleague promised a time at a check-in and it passed with the hand-off still open; by the hand-off's team. */
    BROKEN_PROMISES("broken-promises", "cases with a promise broken in the period: its time passed with the hand-off "
            + "still open (promiseTeam: the team or colleagues)", null) {
        @Override
        public String condition(Criteria criteria) {
            return "c.id in (select p.case_id from ft_promise p join ft_hand_off ph on ph.id = p.hand_off_id"
                    + " where p.broken_at >= :from and p.broken_at <= :to"
                    + When.team("ph", criteria.refinement().promiseTeam(), "promiseTeam", criteria) + ")";
        }
    };

    /** Every case with its closing facts and open hand-off, if any; the condition follows. */
    static final String CASES = """
            from ft_case c
                left join ft_dashboard_closed f on f.case_id = c.id
                left join ft_hand_off h on h.case_id = c.id and h.ended_at is null
            where\s""";

    /** Confirmed on a callback, with or without a linked case: the callback confirmation rate counts these. */
    static final Set<ClosedAs> CONFIRMED_BY_CALLBACK = EnumSet.of(ClosedAs.CONFIRMED_BY_CALLBACK,
            ClosedAs.CONFIRMED_WITH_LINKED_CASE);

    private final String id;
    private final String label;
    private final String plainCondition;

    PeriodFigure(String id, String label, String plainCondition) {
        this.id = id;
        this.label = label;
        this.plainCondition = plainCondition;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String condition(Criteria criteria) {
        return plainCondition;
    }

    private static final class When {

        static final String CLOSED_IN = "f.closed_at >= :from and f.closed_at <= :to";
        static final String ESCALATED = literal(CaseEventType.ESCALATED);

        /** A hand-off's team: one team, named colleagues ({@link Wording#COLLEAGUES}: no team), or any (null). */
        static String team(String handOff, String team, String parameter, Criteria criteria) {
            if (Wording.COLLEAGUES.equals(team)) {
                return " and " + handOff + ".team_id is null";
            }
            return team == null ? "" : " and " + handOff + ".team_id = " + criteria.bind(parameter, team);
        }
    }
}
