package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.literal;
import static com.followthrough.dashboard.Sql.literals;

import com.followthrough.cases.CaseEventType;
import com.followthrough.cases.ClosedAs;
import com.followthrough.cases.EscalationKind;
import com.followthrough.dashboard.ListRequest.Refinement;
import com.followthrough.policy.TimeBasis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figures of a period counted and ranked by the database when asked: range scans of the period on
 * {@code ft_dashboard_closed.closed_at}, {@code ft_case.opened_at}, {@code ft_callback.called_at},
 * {@code ft_hand_off.ended_at} / {@code escalated_at}, {@code ft_promise.broken_at} and
 * {@code ft_case_event (event_type, occurred_at)}. The period's rows never leave the database (a month at a million
 * closed cases a year is about 86,000 rows; BENCHMARKS.md has what this gained on each database).
 */
@Component
class LivePeriodCounts implements PeriodCounts {

    private final NamedParameterJdbcTemplate jdbc;
    private final Ages ages;

    LivePeriodCounts(NamedParameterJdbcTemplate jdbc, Ages ages) {
        this.jdbc = jdbc;
        this.ages = ages;
    }

    @Override
    public List<Long> openedPerDay(Period period, Scope scope) {
        return perDay(period, scope, "ft_case c", "c.opened_at", "c", "c.id");
    }

    @Override
    public List<Long> closedPerDay(Period period, Scope scope) {
        return perDay(period, scope, "ft_dashboard_closed f", "f.closed_at", "f", "f.case_id");
    }

    /**
     * How many rows fall on each day of the period (bounded in java.time): one range count per day on the column's
     * index, in one statement. Grouping the rows by an expression of the timestamp instead made the database compute
     * it for every row of the period (see BENCHMARKS.md).
     */
    private List<Long> perDay(Period period, Scope scope, String table, String column, String alias, String caseId) {
        Criteria criteria = criteria(period);
        String where = scope.where(alias, caseId, criteria.params());
        List<String> days = new ArrayList<>();
        for (int day = 0; day < period.dates().size(); day++) {
            boolean last = day == period.dates().size() - 1;
            days.add("select %d as day_index, count(*) as n from %s where %s >= %s and %s %s %s%s".formatted(day, table,
                    column, criteria.bind("dayFrom" + day, period.dayStart(day)), column, last ? "<=" : "<",
                    criteria.bind("dayTo" + day, period.dayEnd(day)), where));
        }
        long[] counts = new long[period.dates().size()];
        jdbc.query(String.join("\nunion all ", days), criteria.params(), rs -> {
            counts[rs.getInt("day_index")] = rs.getLong("n");
        });
        return Arrays.stream(counts).boxed().toList();
    }

    @Override
    public Closed closed(Period period, Scope scope) {
        Criteria criteria = criteria(period);
        return jdbc.queryForObject("""
                select count(*) as closed,%2$s
                    coalesce(sum(case when f.reopen_count > 0 then 1 else 0 end), 0) as reopened,
                    percentile_cont(0.5) within group (order by f.resolution_%1$s_s) as resolution_p50,
                    percentile_cont(0.9) within group (order by f.resolution_%1$s_s) as resolution_p90,
                    count(f.to_callback_%1$s_s) as to_callback_count,
                    percentile_cont(0.5) within group (order by f.to_callback_%1$s_s) as to_callback_p50,
                    percentile_cont(0.9) within group (order by f.to_callback_%1$s_s) as to_callback_p90
                from ft_dashboard_closed f
                where f.closed_at >= :from and f.closed_at <= :to
                """.formatted(basis(), waysColumns()) + scope.where("f", "f.case_id", criteria.params()),
                criteria.params(), (rs, row) -> {
                    long closed = rs.getLong("closed");
                    return new Closed(closed, ways(rs), rs.getLong("reopened"),
                            Percentiles.of(closed, rs.getObject("resolution_p50"), rs.getObject("resolution_p90")),
                            Percentiles.of(rs.getLong("to_callback_count"), rs.getObject("to_callback_p50"),
                                    rs.getObject("to_callback_p90")));
                });
    }

    @Override
    public Map<String, OwnerClosed> closedPerOwner(Period period, Scope scope) {
        Criteria criteria = criteria(period);
        Map<String, OwnerClosed> perOwner = new HashMap<>();
        jdbc.query("""
                select f.owner_id, count(*) as closed,%2$s
                    percentile_cont(0.5) within group (order by f.to_close_%1$s_s) as to_close_p50,
                    percentile_cont(0.9) within group (order by f.to_close_%1$s_s) as to_close_p90
                from ft_dashboard_closed f
                where f.closed_at >= :from and f.closed_at <= :to
                """.formatted(basis(), waysColumns()) + scope.where("f", "f.case_id", criteria.params())
                + " group by f.owner_id", criteria.params(), rs -> {
                    long closed = rs.getLong("closed");
                    perOwner.put(rs.getString("owner_id"), new OwnerClosed(closed, ways(rs),
                            Percentiles.of(closed, rs.getObject("to_close_p50"), rs.getObject("to_close_p90"))));
                });
        return perOwner;
    }

    /** A count per way of closing, by the stored name of each {@link ClosedAs}. */
    private static String waysColumns() {
        StringBuilder columns = new StringBuilder();
        for (ClosedAs way : ClosedAs.values()) {
            columns.append("\n    coalesce(sum(case when f.closed_as = ").append(literal(way))
                    .append(" then 1 else 0 end), 0) as closed_as_").append(way.ordinal()).append(',');
        }
        return columns.toString();
    }

    private static Ways ways(ResultSet rs) throws SQLException {
        Map<ClosedAs, Long> counts = new EnumMap<>(ClosedAs.class);
        for (ClosedAs way : ClosedAs.values()) {
            counts.put(way, rs.getLong("closed_as_" + way.ordinal()));
        }
        return new Ways(counts);
    }

    @Override
    public Ratings ratings(Period period, Scope scope) {
        Criteria criteria = criteria(period);
        return jdbc.queryForObject("""
                select count(cb.satisfaction) as ratings, coalesce(sum(cb.satisfaction), 0) as total
                from ft_callback cb%s
                where cb.called_at >= :from and cb.called_at <= :to and cb.satisfaction is not null
                """.formatted(scope.joinCase("cb.case_id")) + scope.where("c", "c.id", criteria.params()),
                criteria.params(), (rs, row) -> new Ratings(rs.getLong("ratings"), rs.getLong("total")));
    }

    @Override
    public HandOffsEnded handOffsEnded(Period period, Scope scope) {
        Criteria criteria = criteria(period);
        return jdbc.queryForObject("""
                select count(*) as hand_offs, coalesce(sum(h.check_ins_done), 0) as check_ins
                from ft_hand_off h%s
                where h.ended_at >= :from and h.ended_at <= :to
                """.formatted(scope.joinCase("h.case_id")) + scope.where("c", "c.id", criteria.params()),
                criteria.params(), (rs, row) -> new HandOffsEnded(rs.getLong("hand_offs"), rs.getLong("check_ins")));
    }

    @Override
    public Map<String, Long> escalatedHandOffs(Period period, Scope scope) {
        return perTeam(period, scope, "from ft_hand_off h%s where h.escalated_at >= :from and h.escalated_at <= :to"
                .formatted(scope.joinCase("h.case_id")));
    }

    @Override
    public Map<String, Long> brokenPromises(Period period, Scope scope) {
        return perTeam(period, scope, ("from ft_promise p join ft_hand_off h on h.id = p.hand_off_id%s"
                + " where p.broken_at >= :from and p.broken_at <= :to").formatted(scope.joinCase("p.case_id")));
    }

    /** Rows of hand-offs {@code h} per team, named colleagues (no team) first as {@link Wording#COLLEAGUES}. */
    private Map<String, Long> perTeam(Period period, Scope scope, String from) {
        Criteria criteria = criteria(period);
        Map<String, Long> perTeam = new LinkedHashMap<>();
        jdbc.query("select coalesce(h.team_id, '') as team, count(*) as n " + from
                + scope.where("c", "c.id", criteria.params()) + " group by coalesce(h.team_id, '') order by 1",
                criteria.params(), rs -> {
                    String team = rs.getString("team");
                    perTeam.put(team.isEmpty() ? Wording.COLLEAGUES : team, rs.getLong("n"));
                });
        return perTeam;
    }

    @Override
    public Map<OwnerEscalation, Long> ownerEscalations(Period period, Scope scope) {
        Criteria criteria = criteria(period);
        Map<OwnerEscalation, Long> escalations = new EnumMap<>(OwnerEscalation.class);
        jdbc.query("""
                select e.detail as kind, count(*) as escalations from ft_case_event e%s
                where e.event_type = %s and e.occurred_at >= :from and e.occurred_at <= :to and e.detail in (%s)
                """.formatted(scope.joinCase("e.case_id"), literal(CaseEventType.ESCALATED),
                literals(OwnerEscalation.kinds())) + scope.where("c", "c.id", criteria.params()) + " group by e.detail",
                criteria.params(), rs -> {
                    EscalationKind kind = EscalationKind.valueOf(rs.getString("kind"));
                    long escalated = rs.getLong("escalations");
                    Arrays.stream(OwnerEscalation.values()).filter(own -> own.kind == kind).findFirst()
                            .ifPresent(own -> escalations.put(own, escalated));
                });
        return escalations;
    }

    private static Criteria criteria(Period period) {
        return Criteria.period(period.from(), period.to(), Refinement.NONE);
    }

    /** The read model's duration columns on the dashboard's age basis. */
    private String basis() {
        return ages.basis() == TimeBasis.BUSINESS ? "business" : "calendar";
    }
}
