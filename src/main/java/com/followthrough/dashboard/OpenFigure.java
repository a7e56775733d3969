package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.literal;
import static com.followthrough.dashboard.Sql.startingWith;

import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.EscalationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "now" figures: conditions on an open case {@code c} and its open hand-off {@code h}, if any, at {@code :now}
 * ({@link #CASES}). A figure with a {@code tile} or a {@link Meter} is counted by its own condition
 * ({@link OpenCaseCounts}); one with a {@code tile} is in the "now" answer under that name (the page's tile reads
 * {@code data-figure="now.<tile>"}); one with a {@link Meter} is a gauge on {@code /actuator/prometheus}. A new "now"
 * figure is one constant here and its tile in {@code templates/dashboard/index.html}: its count, list, CSV, JSON and
 * gauge follow from the constant.
 */
enum OpenFigure implements Figure {

    /** Counted as every open case, by stage. */
    OPEN("open", "open cases (stage: one stage)", "openCases", null, null) {
        @Override
        public String condition(Criteria criteria) {
            CaseStatus stage = criteria.refinement().stage();
            return stage == null ? "" : "c.status = " + criteria.bind("stage", stage);
        }
    },
    OVERDUE_CHECK_INS("overdue-check-ins", "open hand-offs whose owner has done fewer check-ins than have fallen due",
            "overdueCheckIns", new Meter("followthrough.dashboard.check.ins.overdue",
                    "Open hand-offs with a check-in due and not done"), When.CHECK_IN_OVERDUE),
    LATE_CALLBACKS("late-callbacks", "cases awaiting a callback past its due time", "lateCallbacks",
            new Meter("followthrough.dashboard.callbacks.late", "Cases awaiting a callback past its due time"),
            "(c.status = " + literal(CaseStatus.AWAITING_CALLBACK) + " and c.follow_up_due_at < :now)"),
    OPEN_ESCALATIONS("open-escalations",
            "escalations raised to supervisors, not reviewed, hand-off or callback still open", "openEscalations",
            new Meter("followthrough.dashboard.escalations.open", "Escalations raised to supervisors and not reviewed"),
            When.OPEN_ESCALATION),
    /** Counted per team of the open hand-off. */
    WITH_TEAM("with-team", "open cases handed off to a team (handedOffTo)", null, null, null) {
        @Override
        public String condition(Criteria criteria) {
            String team = criteria.refinement().handedOffTo();
            return team == null ? "h.team_id is not null" : "h.team_id = " + criteria.bind("handedOffTo", team);
        }
    },
    /** Counted per aging bucket. */
    AGED("aged", "open cases by age since opened (bucket)", null, null, null) {
        @Override
        public String condition(Criteria criteria) {
            Ages.Bucket bucket = criteria.refinement().bucket();
            return bucket == null ? "" : aged(bucket, criteria);
        }
    },
    /** Per agent: late from the owner's side, a follow-up (hand-off, callback, first action) or a check-in due. */
    OVERDUE("overdue", "open cases late from the owner's side: follow-up past due, or a check-in due", null, null,
            "(c.follow_up_due_at < :now or " + When.CHECK_IN_OVERDUE + ")");

    /** The open stages, in the lifecycle's order. */
    static final List<CaseStatus> STAGES = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();

    /**
     * The open stages as SQL constants, not bound values: PostgreSQL can then use the open cases' partial index
     * ({@code ft_case_open_ix}, {@code where status <> 'CLOSED'}) in a plan made once for any {@code :now}, instead
     * of planning each statement again on every request (issue 20: 0.3–3 ms per statement, four statements a "now").
     */
    static final String OPEN_STAGES = Sql.literals(STAGES);

    /** The open cases with their open hand-off, if any: the rows every "now" figure and its list count. */
    static final String CASES = """
            from ft_case c left join ft_hand_off h on h.case_id = c.id and h.ended_at is null
            where c.status in (%s)""".formatted(OPEN_STAGES);

    /** A gauge of the figure's value on {@code /actuator/prometheus} ({@link DashboardMetrics}). */
    record Meter(String name, String description) {
    }

    private final String id;
    private final String label;
    private final String tile;
    private final Meter meter;
    private final String plainCondition;

    OpenFigure(String id, String label, String tile, Meter meter, String plainCondition) {
        this.id = id;
        this.label = label;
        this.tile = tile;
        this.meter = meter;
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

    /** The figure's name in the "now" answer and in its page tile, or null when it has no tile. */
    String tile() {
        return tile;
    }

    /** Its gauge, or null. */
    Meter meter() {
        return meter;
    }


    @Override
    public String condition(Criteria criteria) {
        return plainCondition;
    }

    /** The figures in the "now" answer or on a gauge, in order. */
    static List<OpenFigure> shown() {
        return Arrays.stream(values()).filter(figure -> figure.tile != null || figure.meter != null).toList();
    }

    /** Opened within the bucket's range ({@link Ages#ranges}), its bounds bound as parameters of the bucket's own. */
    static String aged(Ages.Bucket bucket, Criteria criteria) {
        Ages.Range range = criteria.range(bucket);
        List<String> conditions = new ArrayList<>();
        if (range.after() != null) {
            conditions.add("c.opened_at > " + criteria.bind("agedAfter" + bucket.ordinal(), range.after()));
        }
        if (range.atOrBefore() != null) {
            conditions.add("c.opened_at <= " + criteria.bind("agedUpTo" + bucket.ordinal(), range.atOrBefore()));
        }
        return conditions.isEmpty() ? "1 = 1" : "(" + String.join(" and ", conditions) + ")";
    }

    /** Conditions more than one figure uses (constants cannot refer to each other's fields while they are made). */
    private static final class When {

        /** The owner has done fewer check-ins than have fallen due. */
        static final String CHECK_IN_OVERDUE = "(h.id is not null and h.check_ins_due > h.check_ins_done)";

        /**
         * An escalation raised to supervisors and not yet reviewed, whose step is still open: the hand-off, or the
         * owner's own step ({@link OwnerEscalation}) since it started. A review's detail starts with the kind it
         * reviews. Only {@link #escalatedCases} can be one: that list does not depend on the case, so the database
         * starts from it (PostgreSQL: a semi-join from the few escalated cases) instead of looking up the timeline of
         * every open case (issue 20: most of "now" at 50,000 open cases).
         */
        static final String OPEN_ESCALATION = "(c.id in (" + escalatedCases() + ") and ((h.escalated_at is not null"
                + " and not exists (select 1 from ft_case_event r where r.case_id = c.id"
                + " and r.event_type = " + literal(CaseEventType.ESCALATION_REVIEWED)
                + " and r.detail like " + startingWith(EscalationKind.HAND_OFF_STALLED)
                + " and r.occurred_at >= h.escalated_at)) or "
                + Arrays.stream(OwnerEscalation.values()).map(When::openOwnerEscalation)
                        .collect(Collectors.joining(" or ")) + "))";

        /**
         * The cases with an open escalated hand-off or ever escalated at an owner's step: a superset of the open
         * escalations (each of their conditions implies it), small however many cases are open.
         */
        private static String escalatedCases() {
            return "select x.case_id from ft_hand_off x where x.ended_at is null and x.escalated_at is not null"
                    + " union all select x.case_id from ft_case_event x where x.event_type = "
                    + literal(CaseEventType.ESCALATED) + " and x.detail in ("
                    + Sql.literals(OwnerEscalation.kinds()) + ")";
        }

        /** The owner's step escalated since it started, and not reviewed since. */
        private static String openOwnerEscalation(OwnerEscalation escalation) {
            return "(c.status = " + literal(escalation.step) + " and exists (select 1 from ft_case_event e"
                    + " where e.case_id = c.id and e.event_type = " + literal(CaseEventType.ESCALATED)
                    + " and e.detail = " + literal(escalation.kind) + " and e.occurred_at >= c.status_since"
                    + " and not exists (select 1 from ft_case_event r where r.case_id = c.id"
                    + " and r.event_type = " + literal(CaseEventType.ESCALATION_REVIEWED)
                    + " and r.detail like " + startingWith(escalation.kind) + " and r.occurred_at >= e.occurred_at)))";
        }
    }
}
