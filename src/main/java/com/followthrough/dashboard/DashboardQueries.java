package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;
import static com.followthrough.dashboard.Sql.utc;

import com.followthrough.audit.FollowThroughAuditor;
import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.AgeBucket;
import com.followthrough.dashboard.Figures.Agent;
import com.followthrough.dashboard.Figures.Agents;
import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.dashboard.Figures.CaseList;
import com.followthrough.dashboard.Figures.CheckIns;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.dashboard.Figures.Durations;
import com.followthrough.dashboard.Figures.FollowThrough;
import com.followthrough.dashboard.Figures.FollowThroughFinding;
import com.followthrough.dashboard.Figures.Now;
import com.followthrough.dashboard.Figures.Operations;
import com.followthrough.dashboard.Figures.OwnerLoad;
import com.followthrough.dashboard.Figures.Rate;
import com.followthrough.dashboard.Figures.Satisfaction;
import com.followthrough.dashboard.Figures.Stage;
import com.followthrough.dashboard.Figures.TeamCount;
import com.followthrough.dashboard.Figures.TeamLoad;
import com.followthrough.dashboard.Figures.Trends;
import com.followthrough.notifications.OutboxBacklog;
import com.followthrough.policy.Priority;
import com.followthrough.workflow.EngineIncidents;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure of the dashboard, read from our own tables with their indexes and from the read model of closed cases
 * ({@code ft_dashboard_closed}); see the README section "Supervisor dashboard" for what each figure means and which
 * index each query uses.
 * <ul>
 * <li><b>Now</b>: the database counts the open cases (index {@code ft_case_status_ix}, {@code status in (...)}) with
 * their open hand-off ({@code ft_hand_off_case_ix}) and whether an escalation is open ({@code ft_case_event_case_ix})
 * per stage, owner and team; each figure's condition is written once and used both for its count and for the list of
 * cases behind it (paged by the database), so the figures and their case lists always agree.</li>
 * <li><b>Trends</b>: range scans of the period on {@code ft_dashboard_closed.closed_at}, {@code ft_case.opened_at},
 * {@code ft_callback.called_at}, {@code ft_hand_off.ended_at} / {@code escalated_at} and
 * {@code ft_case_event (event_type, occurred_at)}.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

    static final List<CaseStatus> OPEN = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
    static final Set<Integer> PERIODS = Set.of(7, 30, 90);

    private static final Map<CaseStatus, String> STAGE_LABELS = Map.of(
            CaseStatus.WITH_OWNER, "with owner",
            CaseStatus.HANDED_OFF, "with colleague or team",
            CaseStatus.QUESTION_FOR_OWNER, "question for the owner",
            CaseStatus.AWAITING_VERIFICATION, "awaiting verification",
            CaseStatus.AWAITING_CALLBACK, "awaiting callback",
            CaseStatus.CALLBACK_RETRY_PENDING, "callback retrying");

    /**
     * An escalation raised to supervisors and not yet reviewed, whose step is still open: the hand-off, or the owner's
     * own step (the callback attempt, the case with its owner, the fix awaiting verification) since it started.
     */
    private static final String OPEN_ESCALATION = """
            ((h.escalated_at is not null and not exists (select 1 from ft_case_event r where r.case_id = c.id
                and r.event_type = 'ESCALATION_REVIEWED' and r.detail like 'HAND_OFF_STALLED%%'
                and r.occurred_at >= h.escalated_at))
             or %s or %s or %s)
            """.formatted(openOwnerEscalation("AWAITING_CALLBACK", "CALLBACK_LATE"),
            openOwnerEscalation("WITH_OWNER", "FIRST_ACTION_LATE"),
            openOwnerEscalation("AWAITING_VERIFICATION", "VERIFICATION_LATE"));

    /** The owner's step ({@code status}) escalated as {@code kind} since it started, and not reviewed since. */
    private static String openOwnerEscalation(String status, String kind) {
        return """
                (c.status = '%1$s' and exists (select 1 from ft_case_event e where e.case_id = c.id
                    and e.event_type = 'ESCALATED' and e.detail = '%2$s' and e.occurred_at >= c.status_since
                    and not exists (select 1 from ft_case_event r where r.case_id = c.id
                        and r.event_type = 'ESCALATION_REVIEWED' and r.detail like '%2$s%%'
                        and r.occurred_at >= e.occurred_at)))""".formatted(status, kind);
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Ages ages;
    private final EngineIncidents incidents;
    private final OutboxBacklog outbox;
    private final BrokenPromises brokenPromises;
    private final FollowThroughAuditor auditor;
    /** The auditor's findings listed on the Operations panel at most (the counts cover all). */
    static final int FOLLOW_THROUGH_LISTED = 50;

    DashboardQueries(NamedParameterJdbcTemplate jdbc, Clock clock, Ages ages, EngineIncidents incidents,
            OutboxBacklog outbox, BrokenPromises brokenPromises, FollowThroughAuditor auditor) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ages = ages;
        this.incidents = incidents;
        this.outbox = outbox;
        this.brokenPromises = brokenPromises;
        this.auditor = auditor;
    }

    // --- now

    /** The open cases with their open hand-off, if any: the rows every "now" figure and list counts. */
    private static final String OPEN_CASES = """
            from ft_case c left join ft_hand_off h on h.case_id = c.id and h.ended_at is null
            where c.status in (:open)""";
    /** The owner has done fewer check-ins than have fallen due. */
    private static final String CHECK_IN_OVERDUE = "(h.id is not null and h.check_ins_due > h.check_ins_done)";
    private static final String LATE_CALLBACK = "(c.status = 'AWAITING_CALLBACK' and c.follow_up_due_at < :now)";
    /** Late from the owner's side: the hand-off past its escalation time, the callback past its due time, or a check-in due. */
    private static final String OVERDUE = "(c.follow_up_due_at < :now or " + CHECK_IN_OVERDUE + ")";

    /**
     * Open cases counted by the database per stage, owner and team (a few hundred rows however many cases are open):
     * the application never reads the cases themselves for a figure, only the lists behind them, a page at a time.
     */
    private record Tally(CaseStatus status, String owner, String team, long cases, long checkInsOverdue,
            long lateCallbacks, long escalations, long overdue, Map<Ages.Bucket, Long> aged, Instant firstOpened,
            Instant firstHandedOff) {
    }

    /** The oldest open case of an owner or a team, and since when it is open or with the team. */
    private record Oldest(String number, Instant since) {
    }

    private static Map<String, Object> openParams(Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("open", OPEN.stream().map(Enum::name).toList());
        params.put("now", utc(now));
        return params;
    }

    /** The condition for opened_at in a bucket's range ({@link Ages#ranges}), its bounds added to the parameters. */
    private static String aged(Ages.Bucket bucket, Ages.Range range, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (range.after() != null) {
            conditions.add("c.opened_at > :agedAfter" + bucket.ordinal());
            params.put("agedAfter" + bucket.ordinal(), utc(range.after()));
        }
        if (range.atOrBefore() != null) {
            conditions.add("c.opened_at <= :agedUpTo" + bucket.ordinal());
            params.put("agedUpTo" + bucket.ordinal(), utc(range.atOrBefore()));
        }
        return conditions.isEmpty() ? "1 = 1" : "(" + String.join(" and ", conditions) + ")";
    }

    private List<Tally> tallies(Scope scope, Instant now) {
        Map<String, Object> params = openParams(now);
        Map<Ages.Bucket, Ages.Range> ranges = ages.ranges(now);
        StringBuilder aged = new StringBuilder();
        for (Ages.Bucket bucket : Ages.Bucket.values()) {
            aged.append(",\n    sum(case when ").append(aged(bucket, ranges.get(bucket), params))
                    .append(" then 1 else 0 end) as aged_").append(bucket.ordinal());
        }
        String sql = """
                select c.status, c.owner_id, h.team_id, count(*) as cases,
                    sum(case when %s then 1 else 0 end) as check_ins_overdue,
                    sum(case when %s then 1 else 0 end) as late_callbacks,
                    sum(case when %s then 1 else 0 end) as escalations,
                    sum(case when %s then 1 else 0 end) as overdue,
                    min(c.opened_at) as first_opened, min(h.started_at) as first_handed_off%s
                """.formatted(CHECK_IN_OVERDUE, LATE_CALLBACK, OPEN_ESCALATION, OVERDUE, aged) + OPEN_CASES
                + scope.where("c", "c.id", params) + " group by c.status, c.owner_id, h.team_id";
        return jdbc.query(sql, params, (rs, row) -> {
            Map<Ages.Bucket, Long> buckets = new EnumMap<>(Ages.Bucket.class);
            for (Ages.Bucket bucket : Ages.Bucket.values()) {
                buckets.put(bucket, rs.getLong("aged_" + bucket.ordinal()));
            }
            return new Tally(CaseStatus.valueOf(rs.getString("status")), rs.getString("owner_id"),
                    rs.getString("team_id"), rs.getLong("cases"), rs.getLong("check_ins_overdue"),
                    rs.getLong("late_callbacks"), rs.getLong("escalations"), rs.getLong("overdue"), buckets,
                    read(rs, "first_opened"), read(rs, "first_handed_off"));
        });
    }

    /**
     * Per owner, or per team of an open hand-off, the first of their open cases by {@code since}, then by id: the
     * tallies found each one's earliest instant, so the database looks up only the cases opened (or handed off) at
     * those instants, by index, instead of sorting every open case (at 50,000 open cases the sort spilled to disk).
     */
    private Map<String, Oldest> oldest(Scope scope, Instant now, Map<String, Instant> earliest, String holder,
            String since, String join) {
        Map<String, Oldest> oldest = new HashMap<>();
        if (earliest.isEmpty()) {
            return oldest;
        }
        Map<String, Object> params = openParams(now);
        params.put("holders", List.copyOf(earliest.keySet()));
        params.put("instants", earliest.values().stream().distinct().map(Sql::utc).toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("""
                select %1$s as holder, c.id, c.case_number, %2$s as since
                from ft_case c %3$s
                where %1$s in (:holders) and %2$s in (:instants) and c.status in (:open)%4$s
                """.formatted(holder, since, join, scope.where("c", "c.id", params)), params, rs -> {
                    String key = rs.getString("holder");
                    Instant at = read(rs, "since");
                    long id = rs.getLong("id");
                    if (key != null && at.equals(earliest.get(key)) && id < ids.getOrDefault(key, Long.MAX_VALUE)) {
                        ids.put(key, id);
                        oldest.put(key, new Oldest(rs.getString("case_number"), at));
                    }
                });
        return oldest;
    }

    private static Instant earlier(Instant one, Instant other) {
        return one.isBefore(other) ? one : other;
    }

    private static long sum(List<Tally> tallies, java.util.function.ToLongFunction<Tally> figure) {
        return tallies.stream().mapToLong(figure).sum();
    }

    /**
     * One snapshot (repeatable read) for the counts and the oldest cases, so an owner counted is an owner with an
     * oldest case even while cases close.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Now now(Scope scope) {
        Instant now = clock.instant();
        List<Tally> tallies = tallies(scope, now);
        Map<CaseStatus, Long> byStage = new EnumMap<>(CaseStatus.class);
        Map<String, Long> byOwner = new TreeMap<>();
        Map<String, Long> byTeam = new TreeMap<>();
        Map<Ages.Bucket, Long> buckets = new EnumMap<>(Ages.Bucket.class);
        Map<String, Instant> ownersFirst = new HashMap<>();
        Map<String, Instant> teamsFirst = new HashMap<>();
        for (Tally tally : tallies) {
            byStage.merge(tally.status(), tally.cases(), Long::sum);
            byOwner.merge(tally.owner(), tally.cases(), Long::sum);
            ownersFirst.merge(tally.owner(), tally.firstOpened(), DashboardQueries::earlier);
            if (tally.team() != null) {
                byTeam.merge(tally.team(), tally.cases(), Long::sum);
                teamsFirst.merge(tally.team(), tally.firstHandedOff(), DashboardQueries::earlier);
            }
            tally.aged().forEach((bucket, n) -> buckets.merge(bucket, n, Long::sum));
        }
        List<Stage> stages = OPEN.stream().map(stage -> new Stage(stage, STAGE_LABELS.get(stage),
                byStage.getOrDefault(stage, 0L), Links.cases("open", scope, "&stage=" + stage.name()))).toList();

        Map<String, Oldest> oldestPerOwner = oldest(scope, now, ownersFirst, "c.owner_id", "c.opened_at", "");
        List<OwnerLoad> owners = byOwner.entrySet().stream().map(entry -> {
            Oldest oldest = oldestPerOwner.get(entry.getKey());
            Duration age = ages.between(oldest.since(), now);
            return new OwnerLoad(entry.getKey(), entry.getValue(), oldest.number(), oldest.since(),
                    age.toSeconds(), Wording.duration(age, ages.basis()),
                    Links.cases("open", scope.owner() == null ? withOwner(scope, entry.getKey()) : scope, null));
        }).sorted(Comparator.comparing(OwnerLoad::openCases).reversed().thenComparing(OwnerLoad::owner)).toList();

        Map<String, Oldest> oldestPerTeam = oldest(scope, now, teamsFirst, "h.team_id", "h.started_at",
                "join ft_hand_off h on h.case_id = c.id and h.ended_at is null");
        List<TeamLoad> teams = byTeam.entrySet().stream().map(entry -> {
            Oldest oldest = oldestPerTeam.get(entry.getKey());
            Duration age = ages.between(oldest.since(), now);
            return new TeamLoad(entry.getKey(), entry.getValue(), oldest.number(), oldest.since(),
                    age.toSeconds(), Wording.duration(age, ages.basis()),
                    Links.cases("with-team", scope, "&handedOffTo=" + Links.encode(entry.getKey())));
        }).sorted(Comparator.comparing(TeamLoad::openHandOffs).reversed().thenComparing(TeamLoad::team)).toList();

        List<AgeBucket> aging = Arrays.stream(Ages.Bucket.values()).map(bucket -> new AgeBucket(bucket.name(),
                bucket.label, buckets.getOrDefault(bucket, 0L), Links.cases("aged", scope, "&bucket=" + bucket.name())))
                .toList();

        return new Now(now, ages.basis().name().toLowerCase(), ages.label(),
                new Count(sum(tallies, Tally::cases), Links.cases("open", scope, null)), stages,
                new Count(sum(tallies, Tally::checkInsOverdue), Links.cases("overdue-check-ins", scope, null)),
                new Count(sum(tallies, Tally::lateCallbacks), Links.cases("late-callbacks", scope, null)),
                new Count(sum(tallies, Tally::escalations), Links.cases("open-escalations", scope, null)),
                owners, teams, aging);
    }

    private static Scope withOwner(Scope scope, String owner) {
        return new Scope(scope.team(), owner, scope.priority());
    }

    // --- trends

    /** The period: from the start of the day {@code days - 1} days ago (in the calendar's zone) until now. */
    record Period(int days, Instant from, Instant to, List<LocalDate> dates) {

        Instant startOf(LocalDate date, java.time.ZoneId zone) {
            return date.atStartOfDay(zone).toInstant();
        }
    }

    Period period(int days) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ages.zone()).toLocalDate();
        LocalDate first = today.minusDays(days - 1L);
        List<LocalDate> dates = first.datesUntil(today.plusDays(1)).toList();
        return new Period(days, first.atStartOfDay(ages.zone()).toInstant(), now, dates);
    }

    public Trends trends(int days, Scope scope) {
        Period period = period(days);
        String p = "&period=" + days;
        Map<String, Object> params = range(period);
        List<Long> openedPerDay = perDay(period, "ft_case c", "c.opened_at", scope.where("c", "c.id", params), params);
        long opened = openedPerDay.stream().mapToLong(Long::longValue).sum();
        Map<String, Object> closedParams = range(period);
        String closedWhere = scope.where("f", "f.case_id", closedParams);
        List<Long> closedPerDay = perDay(period, "ft_dashboard_closed f", "f.closed_at", closedWhere, closedParams);
        // Counted and ranked by the database: the period's rows never leave it (a month at a million closed cases a
        // year is about 86,000 rows; BENCHMARKS.md has what this gained on each database).
        String basis = basisColumns();
        Map<String, Object> closed = jdbc.queryForMap("""
                select count(*) as closed,
                    coalesce(sum(case when f.closed_as = 'CONFIRMED_ON_FIRST_CONTACT' then 1 else 0 end), 0) as first_contact,
                    coalesce(sum(case when f.closed_as in ('CONFIRMED_BY_CALLBACK', 'CONFIRMED_WITH_LINKED_CASE')
                        then 1 else 0 end), 0) as confirmed,
                    coalesce(sum(case when f.closed_as = 'UNREACHABLE' then 1 else 0 end), 0) as unreachable,
                    coalesce(sum(case when f.reopen_count > 0 then 1 else 0 end), 0) as reopened,
                    percentile_cont(0.5) within group (order by f.resolution_%1$s_s) as resolution_p50,
                    percentile_cont(0.9) within group (order by f.resolution_%1$s_s) as resolution_p90,
                    count(f.to_callback_%1$s_s) as to_callback_count,
                    percentile_cont(0.5) within group (order by f.to_callback_%1$s_s) as to_callback_p50,
                    percentile_cont(0.9) within group (order by f.to_callback_%1$s_s) as to_callback_p90
                from ft_dashboard_closed f
                where f.closed_at >= :from and f.closed_at <= :to
                """.formatted(basis) + closedWhere, closedParams);
        long closedCount = number(closed, "closed");
        long firstContact = number(closed, "first_contact");
        long confirmedByCallback = number(closed, "confirmed");
        long unreachable = number(closed, "unreachable");
        long reopened = number(closed, "reopened");

        Map<String, Object> rated = range(period);
        Map<String, Object> ratings = jdbc.queryForMap("""
                select count(cb.satisfaction) as ratings, coalesce(sum(cb.satisfaction), 0) as total
                from ft_callback cb%s
                where cb.called_at >= :from and cb.called_at <= :to and cb.satisfaction is not null
                """.formatted(scope.joinCase("cb.case_id")) + scope.where("c", "c.id", rated), rated);
        long ratingCount = ((Number) ratings.get("ratings")).longValue();
        long ratingTotal = ((Number) ratings.get("total")).longValue();

        Map<String, Object> ended = range(period);
        Map<String, Object> checkIns = jdbc.queryForMap("""
                select count(*) as hand_offs, coalesce(sum(h.check_ins_done), 0) as check_ins
                from ft_hand_off h%s
                where h.ended_at >= :from and h.ended_at <= :to
                """.formatted(scope.joinCase("h.case_id")) + scope.where("c", "c.id", ended), ended);
        long handOffs = ((Number) checkIns.get("hand_offs")).longValue();
        long checkInsDone = ((Number) checkIns.get("check_ins")).longValue();

        return new Trends(days, period.from(), period.to(), ages.basis().name().toLowerCase(), ages.label(),
                period.dates(), openedPerDay, closedPerDay,
                new Count(opened, Links.cases("opened", scope, p)),
                new Count(closedCount, Links.cases("closed", scope, p)),
                durations(closedCount, closed.get("resolution_p50"), closed.get("resolution_p90"),
                        Links.cases("closed", scope, p)),
                durations(number(closed, "to_callback_count"), closed.get("to_callback_p50"),
                        closed.get("to_callback_p90"), Links.cases("called-back", scope, p)),
                Rate.of(firstContact, closedCount, Links.cases("closed", scope, p + "&closedAs=CONFIRMED_ON_FIRST_CONTACT")),
                Rate.of(confirmedByCallback, closedCount - firstContact, Links.cases("closed", scope,
                        p + "&closedAs=CONFIRMED_BY_CALLBACK,CONFIRMED_WITH_LINKED_CASE")),
                Rate.of(reopened, closedCount, Links.cases("reopened", scope, p)),
                Rate.of(unreachable, closedCount, Links.cases("closed", scope, p + "&closedAs=UNREACHABLE")),
                new Satisfaction(ratingCount, ratingCount == 0 ? null : (double) ratingTotal / ratingCount,
                        Links.cases("rated", scope, p)),
                new CheckIns(handOffs, checkInsDone, handOffs == 0 ? null : (double) checkInsDone / handOffs,
                        Links.cases("hand-offs-ended", scope, p)),
                escalationsPerTeam(period, scope), brokenPromises.perTeam(days, scope, range(period)));
    }

    private List<TeamCount> escalationsPerTeam(Period period, Scope scope) {
        String p = "&period=" + period.days();
        Map<String, Object> params = range(period);
        List<TeamCount> counts = new ArrayList<>(jdbc.query("""
                select coalesce(h.team_id, '') as team, count(*) as escalations
                from ft_hand_off h%s
                where h.escalated_at >= :from and h.escalated_at <= :to
                """.formatted(scope.joinCase("h.case_id")) + scope.where("c", "c.id", params)
                + " group by coalesce(h.team_id, '') order by 1", params,
                (rs, row) -> {
                    String team = rs.getString("team");
                    return new TeamCount(team.isEmpty() ? Wording.COLLEAGUES : team, rs.getLong("escalations"),
                            Links.cases("escalated", scope, p + "&escalatedTeam="
                                    + Links.encode(team.isEmpty() ? Wording.COLLEAGUES : team)));
                }));
        // The owner's own steps have no team: a row each (late callbacks, cases not worked, fixes not verified).
        for (String row : List.of(Wording.LATE_CALLBACKS, Wording.CASES_NOT_WORKED, Wording.FIXES_NOT_VERIFIED)) {
            Map<String, Object> own = range(period);
            own.put("kind", Wording.OWNER_ESCALATIONS.get(row));
            Long escalated = jdbc.queryForObject("""
                    select count(*) from ft_case_event e%s
                    where e.event_type = 'ESCALATED' and e.occurred_at >= :from and e.occurred_at <= :to
                        and e.detail = :kind
                    """.formatted(scope.joinCase("e.case_id")) + scope.where("c", "c.id", own), own, Long.class);
            if (escalated != null && escalated > 0) {
                counts.add(new TeamCount(row, escalated, Links.cases("escalated", scope,
                        p + "&escalatedTeam=" + Links.encode(row))));
            }
        }
        return counts;
    }

    // --- per agent

    public Agents agents(int days, Scope scope) {
        Instant now = clock.instant();
        Period period = period(days);
        String p = "&period=" + days;
        Map<String, Long> openByOwner = new HashMap<>();
        Map<String, Long> overdueByOwner = new HashMap<>();
        for (Tally tally : tallies(scope, now)) {
            openByOwner.merge(tally.owner(), tally.cases(), Long::sum);
            overdueByOwner.merge(tally.owner(), tally.overdue(), Long::sum);
        }
        record Closed(long count, long viaCallback, long confirmed, Object p50, Object p90) {
        }
        Map<String, Object> params = range(period);
        Map<String, Closed> closedByOwner = new HashMap<>();
        jdbc.query("""
                select f.owner_id, count(*) as closed,
                    sum(case when f.closed_as <> 'CONFIRMED_ON_FIRST_CONTACT' then 1 else 0 end) as via_callback,
                    sum(case when f.closed_as in ('CONFIRMED_BY_CALLBACK', 'CONFIRMED_WITH_LINKED_CASE')
                        then 1 else 0 end) as confirmed,
                    percentile_cont(0.5) within group (order by f.to_close_%1$s_s) as to_close_p50,
                    percentile_cont(0.9) within group (order by f.to_close_%1$s_s) as to_close_p90
                from ft_dashboard_closed f
                where f.closed_at >= :from and f.closed_at <= :to
                """.formatted(basisColumns()) + scope.where("f", "f.case_id", params) + " group by f.owner_id",
                params, rs -> {
                    closedByOwner.put(rs.getString("owner_id"), new Closed(rs.getLong("closed"),
                            rs.getLong("via_callback"), rs.getLong("confirmed"), rs.getObject("to_close_p50"),
                            rs.getObject("to_close_p90")));
                });
        java.util.SortedSet<String> agents = new java.util.TreeSet<>(openByOwner.keySet());
        agents.addAll(closedByOwner.keySet());
        Closed none = new Closed(0, 0, 0, null, null);
        List<Agent> result = agents.stream().map(agent -> {
            Scope own = withOwner(scope, agent);
            Closed closed = closedByOwner.getOrDefault(agent, none);
            return new Agent(agent,
                    new Count(openByOwner.getOrDefault(agent, 0L), Links.cases("open", own, null)),
                    new Count(overdueByOwner.getOrDefault(agent, 0L), Links.cases("overdue", own, null)),
                    new Count(closed.count(), Links.cases("closed", own, p)),
                    durations(closed.count(), closed.p50(), closed.p90(), Links.cases("closed", own, p)),
                    Rate.of(closed.confirmed(), closed.viaCallback(), Links.cases("closed", own,
                            p + "&closedAs=CONFIRMED_BY_CALLBACK,CONFIRMED_WITH_LINKED_CASE")));
        }).toList();
        return new Agents(days, period.from(), period.to(), ages.basis().name().toLowerCase(), result);
    }

    // --- operations

    public Operations operations() {
        OutboxBacklog.Backlog mail = outbox.now();
        return new Operations(mail.pending(), mail.failed(), mail.oldestPendingSince(), incidents.openIncidents(),
                "/camunda/app/cockpit/default/#/dashboard", followThrough());
    }

    /** The auditor's findings as its latest run left them (it runs on a schedule; the dashboard only reads). */
    private FollowThrough followThrough() {
        FollowThroughAuditor.Report report = auditor.report(FOLLOW_THROUGH_LISTED);
        Map<String, Long> byKind = new LinkedHashMap<>();
        report.byKind().forEach((kind, count) -> byKind.put(kind.tag(), count));
        return new FollowThrough(report.lastRunAt(), report.findings(), byKind, report.items().stream()
                .map(finding -> new FollowThroughFinding(finding.kind().tag(), finding.kind().label(),
                        finding.subject(), finding.caseNumber(), finding.casePage(), finding.detail(),
                        finding.firstSeenAt()))
                .toList());
    }

    // --- the cases behind a figure

    /** What a list asks for; see {@link DashboardRequests#list}. */
    record ListRequest(String figure, Scope scope, int period, CaseStatus stage, Ages.Bucket bucket,
            String handedOffTo, LocalDate day, List<ClosedAs> closedAs, String escalatedTeam, String promiseTeam,
            int page, int size) {
    }

    static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("open", "open cases (stage: one stage)");
        FIGURES.put("overdue-check-ins", "open hand-offs whose owner has done fewer check-ins than have fallen due");
        FIGURES.put("late-callbacks", "cases awaiting a callback past its due time");
        FIGURES.put("open-escalations", "escalations raised to supervisors, not reviewed, hand-off or callback still open");
        FIGURES.put("with-team", "open cases handed off to a team (handedOffTo)");
        FIGURES.put("aged", "open cases by age since opened (bucket)");
        FIGURES.put("overdue", "open cases late from the owner's side: follow-up past due, or a check-in due");
        FIGURES.put("opened", "cases opened in the period (day: one day)");
        FIGURES.put("closed", "cases closed in the period (day: one day; closedAs: how they closed)");
        FIGURES.put("called-back", "cases closed in the period after a callback");
        FIGURES.put("reopened", "cases closed in the period that were reopened at least once");
        FIGURES.put("rated", "cases with a satisfaction score given on a callback in the period");
        FIGURES.put("hand-offs-ended", "cases with a hand-off that ended in the period");
        FIGURES.put("escalated", "cases escalated in the period (escalatedTeam: the team, colleagues, late callbacks, "
                + "cases not worked or fixes not verified)");
        FIGURES.put(BrokenPromises.FIGURE, "cases with a promise broken in the period: its time passed with the "
                + "hand-off still open (promiseTeam: the team or colleagues)");
    }

    /** The cases behind a figure, a page at a time, counted and paged by the database with the figure's own condition. */
    public CaseList list(ListRequest request) {
        Instant now = clock.instant();
        Map<String, Object> params = openParams(now);
        String open = switch (request.figure()) {
            case "open" -> {
                if (request.stage() == null) {
                    yield "";
                }
                params.put("stage", request.stage().name());
                yield "c.status = :stage";
            }
            case "overdue-check-ins" -> CHECK_IN_OVERDUE;
            case "late-callbacks" -> LATE_CALLBACK;
            case "open-escalations" -> OPEN_ESCALATION;
            case "with-team" -> {
                if (request.handedOffTo() == null) {
                    yield "h.team_id is not null";
                }
                params.put("handedOffTo", request.handedOffTo());
                yield "h.team_id = :handedOffTo";
            }
            case "aged" -> request.bucket() == null ? ""
                    : aged(request.bucket(), ages.ranges(now).get(request.bucket()), params);
            case "overdue" -> OVERDUE;
            default -> null;
        };
        if (open == null) {
            return closedOrHistoric(request, now);
        }
        String from = OPEN_CASES + (open.isEmpty() ? "" : " and " + open) + request.scope().where("c", "c.id", params);
        return page(request, """
                select c.case_number, c.customer_name, c.priority, c.summary, c.owner_id, c.status, c.opened_at,
                    c.status_since, c.follow_up_due_at, cast(null as varchar(40)) as closed_as,
                    cast(null as timestamp with time zone) as closed_at, h.colleague_id, h.team_id
                """, from, params, now);
    }

    /** One page of cases in opening order, and how many there are in all. */
    private CaseList page(ListRequest request, String columns, String from, Map<String, Object> params, Instant now) {
        Long total = jdbc.queryForObject("select count(*) " + from, params, Long.class);
        params.put("offset", (long) request.page() * request.size());
        params.put("size", request.size());
        List<CaseLine> lines = jdbc.query(columns + from + " order by c.opened_at, c.id"
                + " offset :offset rows fetch next :size rows only", params, (rs, row) -> line(rs, now));
        long all = total == null ? 0 : total;
        return new CaseList(request.figure(), FIGURES.get(request.figure()), ages.basis().name().toLowerCase(), lines,
                request.page(), request.size(), all, (all + request.size() - 1) / request.size());
    }

    private CaseList closedOrHistoric(ListRequest request, Instant now) {
        Period period = period(request.period());
        Map<String, Object> params = range(period);
        if (request.day() != null) {
            params.put("from", utc(request.day().atStartOfDay(ages.zone()).toInstant()));
            Instant end = request.day().plusDays(1).atStartOfDay(ages.zone()).toInstant();
            params.put("to", utc(end.isAfter(now) ? now : end.minusNanos(1000)));
        }
        String condition = switch (request.figure()) {
            case "opened" -> "c.opened_at >= :from and c.opened_at <= :to";
            case "closed" -> {
                String closed = "f.closed_at >= :from and f.closed_at <= :to";
                if (request.closedAs() != null && !request.closedAs().isEmpty()) {
                    params.put("closedAs", request.closedAs().stream().map(Enum::name).toList());
                    closed += " and f.closed_as in (:closedAs)";
                }
                yield closed;
            }
            case "called-back" -> "f.closed_at >= :from and f.closed_at <= :to and f.first_callback_at is not null";
            case "reopened" -> "f.closed_at >= :from and f.closed_at <= :to and f.reopen_count > 0";
            case "rated" -> "c.id in (select cb.case_id from ft_callback cb where cb.called_at >= :from"
                    + " and cb.called_at <= :to and cb.satisfaction is not null)";
            case "hand-offs-ended" -> "c.id in (select he.case_id from ft_hand_off he where he.ended_at >= :from"
                    + " and he.ended_at <= :to)";
            case "escalated" -> {
                String team = request.escalatedTeam();
                if (Wording.OWNER_ESCALATIONS.containsKey(team)) {
                    params.put("kind", Wording.OWNER_ESCALATIONS.get(team));
                    yield "c.id in (select e.case_id from ft_case_event e where e.event_type = 'ESCALATED'"
                            + " and e.occurred_at >= :from and e.occurred_at <= :to and e.detail = :kind)";
                }
                String teamCondition = "";
                if (Wording.COLLEAGUES.equals(team)) {
                    teamCondition = " and he.team_id is null";
                } else if (team != null) {
                    teamCondition = " and he.team_id = :escalatedTeam";
                    params.put("escalatedTeam", team);
                }
                String handOffs = "c.id in (select he.case_id from ft_hand_off he where he.escalated_at >= :from"
                        + " and he.escalated_at <= :to" + teamCondition + ")";
                yield team == null ? "(" + handOffs + " or c.id in (select e.case_id from ft_case_event e"
                        + " where e.event_type = 'ESCALATED' and e.occurred_at >= :from and e.occurred_at <= :to"
                        + " and e.detail in ('CALLBACK_LATE', 'FIRST_ACTION_LATE', 'VERIFICATION_LATE')))" : handOffs;
            }
            case BrokenPromises.FIGURE -> BrokenPromises.condition(request.promiseTeam(), params);
            default -> throw new InvalidParameterException("figure", "must be one of " + FIGURES.keySet());
        };
        String from = """
                from ft_case c
                    left join ft_dashboard_closed f on f.case_id = c.id
                    left join ft_hand_off h on h.case_id = c.id and h.ended_at is null
                where\s""" + condition + request.scope().where("c", "c.id", params);
        return page(request, """
                select c.case_number, c.customer_name, c.priority, c.summary, c.owner_id, c.status, c.opened_at,
                    c.status_since, c.follow_up_due_at, c.closed_as, c.closed_at, h.colleague_id, h.team_id
                """, from, params, now);
    }

    private CaseLine line(ResultSet rs, Instant now) throws SQLException {
        Instant openedAt = read(rs, "opened_at");
        Instant closedAt = read(rs, "closed_at");
        Duration age = ages.between(openedAt, closedAt == null ? now : closedAt);
        String colleague = rs.getString("colleague_id");
        String team = rs.getString("team_id");
        String closedAs = rs.getString("closed_as");
        return new CaseLine(rs.getString("case_number"), rs.getString("customer_name"),
                Priority.valueOf(rs.getString("priority")), rs.getString("summary"), rs.getString("owner_id"),
                CaseStatus.valueOf(rs.getString("status")),
                colleague != null ? colleague : team != null ? "team " + team : null, openedAt,
                read(rs, "status_since"), read(rs, "follow_up_due_at"),
                closedAs == null ? null : ClosedAs.valueOf(closedAs), closedAt, age.toSeconds(),
                Wording.duration(age, ages.basis()));
    }

    // ---

    private static Map<String, Object> range(Period period) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", utc(period.from()));
        params.put("to", utc(period.to()));
        return params;
    }

    /**
     * How many rows fall on each day of the period (days in the calendar's zone, DST included, bounded in java.time):
     * one range count per day on the column's index, in one statement. Grouping the rows by an expression of the
     * timestamp instead made the database compute it for every row of the period (see BENCHMARKS.md).
     */
    private List<Long> perDay(Period period, String table, String column, String where, Map<String, Object> params) {
        List<LocalDate> dates = period.dates();
        List<String> days = new ArrayList<>();
        for (int day = 0; day < dates.size(); day++) {
            boolean last = day == dates.size() - 1;
            params.put("dayFrom" + day, utc(day == 0 ? period.from() : period.startOf(dates.get(day), ages.zone())));
            params.put("dayTo" + day, utc(last ? period.to() : period.startOf(dates.get(day + 1), ages.zone())));
            days.add("select %d as day_index, count(*) as n from %s where %s >= :dayFrom%d and %s %s :dayTo%d%s"
                    .formatted(day, table, column, day, column, last ? "<=" : "<", day, where));
        }
        long[] counts = new long[dates.size()];
        jdbc.query(String.join("\nunion all ", days), params, rs -> {
            counts[rs.getInt("day_index")] = rs.getLong("n");
        });
        return Arrays.stream(counts).boxed().toList();
    }

    /** The read model's duration columns on the dashboard's age basis: {@code business} or {@code calendar}. */
    private String basisColumns() {
        return ages.basis() == com.followthrough.policy.TimeBasis.BUSINESS ? "business" : "calendar";
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Median and 90th percentile as the database computed them ({@code percentile_cont}: linear interpolation). */
    private Durations durations(long count, Object median, Object p90, String cases) {
        if (count == 0 || median == null || p90 == null) {
            return new Durations(0, null, null, null, null, cases);
        }
        long medianSeconds = Math.round(((Number) median).doubleValue());
        long p90Seconds = Math.round(((Number) p90).doubleValue());
        return new Durations(count, medianSeconds, p90Seconds,
                Wording.duration(Duration.ofSeconds(medianSeconds), ages.basis()),
                Wording.duration(Duration.ofSeconds(p90Seconds), ages.basis()), cases);
    }
}
