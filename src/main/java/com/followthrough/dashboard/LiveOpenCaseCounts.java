package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;

import com.followthrough.cases.CaseStatus;
import com.followthrough.dashboard.ListRequest.Refinement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The "now" figures counted by the database when asked, each by its own condition, so a figure and its list cannot
 * disagree; the application never reads the cases themselves for a figure. Two statements read the open cases: the
 * tallies per stage, owner and team (every open case once, summing the figures that compare the row's own columns and
 * the aging buckets), and the figures that look beyond the row ({@link #APART}, from the few cases they can be true
 * of). When one aggregate also summed the escalations, their look-ups per case were most of "now"'s PostgreSQL time
 * at 50,000 open cases (issue 20, BENCHMARKS.md).
 */
@Component
class LiveOpenCaseCounts implements OpenCaseCounts {

    /**
     * Counted by a statement of their own: the open escalations look up timelines, which summed over every open case
     * cost most of "now" (issue 20: 37,500 look-ups at 50,000 open cases); on their own they start from the few
     * escalated cases.
     */
    private static final Set<OpenFigure> APART = EnumSet.of(OpenFigure.OPEN_ESCALATIONS);

    private final NamedParameterJdbcTemplate jdbc;
    private final Ages ages;
    private final boolean postgres;

    LiveOpenCaseCounts(NamedParameterJdbcTemplate jdbc, Ages ages, DataSource dataSource)
            throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.ages = ages;
        this.postgres = Sql.onPostgres(dataSource);
    }

    @Override
    public Counts counts(Scope scope, Instant now) {
        serialPlan();
        Map<Ages.Bucket, Ages.Range> ranges = ages.ranges(now);
        Map<OpenFigure, Long> figures = new EnumMap<>(OpenFigure.class);
        Map<Ages.Bucket, Long> aged = new EnumMap<>(Ages.Bucket.class);
        List<Tally> tallies = tallies(scope, now, ranges, figures, aged);
        for (OpenFigure figure : APART) {
            figures.put(figure, count(figure, scope, now, ranges));
        }
        return new Counts(tallies, figures, aged);
    }

    /**
     * PostgreSQL, for the rest of the caller's transaction ("now" and per agent run in one): no parallel workers and
     * no JIT for the scan of the open cases. At 50,000 open cases PostgreSQL plans two workers for the scan; on a
     * loaded server (the dashboard is polled while cases are worked) their start-up, partial aggregates and merge cost
     * about 40 % more CPU than one backend doing it all (issue 20, BENCHMARKS.md), CPU that the other requests wait
     * for. The tallies' cost (about 9,000 at 50,000 open cases) stays under {@code jit_above_cost} (100,000) until
     * about half a million open cases; from there JIT would compile the aggregate's expressions again for every request
     * (11 ms each time, measured with the threshold lowered) for a scan of about 25 ms.
     */
    private void serialPlan() {
        if (postgres) {
            jdbc.getJdbcOperations().queryForList("select set_config('max_parallel_workers_per_gather', '0', true),"
                    + " set_config('jit', 'off', true)");
        }
    }

    /**
     * The one statement that reads every open case (PostgreSQL: {@code ft_case_open_ix} and the open hand-offs'
     * {@code ft_hand_off_open_ix}, both index-only once vacuumed): counted per stage, owner and team, with the figures
     * whose condition compares the row's own columns and the aging buckets summed on the way (at 50,000 open cases
     * these sums cost about a tenth of the statement; a separate range count of the young buckets cost more).
     */
    private List<Tally> tallies(Scope scope, Instant now, Map<Ages.Bucket, Ages.Range> ranges,
            Map<OpenFigure, Long> figures, Map<Ages.Bucket, Long> aged) {
        Criteria criteria = Criteria.open(now, Refinement.NONE, ranges::get);
        List<OpenFigure> summed = OpenFigure.shown().stream()
                .filter(figure -> figure != OpenFigure.OPEN && !APART.contains(figure)).toList();
        StringBuilder columns = new StringBuilder();
        for (OpenFigure figure : summed) {
            columns.append(",\n    sum(case when ").append(figure.condition(criteria))
                    .append(" then 1 else 0 end) as figure_").append(figure.ordinal());
        }
        for (Ages.Bucket bucket : Ages.Bucket.values()) {
            columns.append(",\n    sum(case when ").append(OpenFigure.aged(bucket, criteria))
                    .append(" then 1 else 0 end) as aged_").append(bucket.ordinal());
        }
        String sql = "select c.status, c.owner_id, h.team_id, count(*) as cases, min(c.opened_at) as first_opened,"
                + " min(h.started_at) as first_handed_off" + columns + "\n" + OpenFigure.CASES
                + scope.where("c", "c.id", criteria.params()) + " group by c.status, c.owner_id, h.team_id";
        return jdbc.query(sql, criteria.params(), (rs, row) -> {
            for (OpenFigure figure : summed) {
                figures.merge(figure, rs.getLong("figure_" + figure.ordinal()), Long::sum);
            }
            for (Ages.Bucket bucket : Ages.Bucket.values()) {
                aged.merge(bucket, rs.getLong("aged_" + bucket.ordinal()), Long::sum);
            }
            return new Tally(CaseStatus.valueOf(rs.getString("status")), rs.getString("owner_id"),
                    rs.getString("team_id"), rs.getLong("cases"), read(rs, "first_opened"),
                    read(rs, "first_handed_off"));
        });
    }

    /**
     * The figure's count by its own condition, as its list counts ({@link FigureLists}): for a figure that looks beyond
     * the row ({@link #APART}), which the database answers from the few cases it can be true of.
     */
    private long count(OpenFigure figure, Scope scope, Instant now, Map<Ages.Bucket, Ages.Range> ranges) {
        Criteria criteria = Criteria.open(now, Refinement.NONE, ranges::get);
        Long count = jdbc.queryForObject("select count(*) " + OpenFigure.CASES + " and " + figure.condition(criteria)
                + scope.where("c", "c.id", criteria.params()), criteria.params(), Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public Map<String, OwnerOpen> perOwner(Scope scope, Instant now) {
        serialPlan();
        Criteria criteria = Criteria.open(now, Refinement.NONE, bucket -> ages.ranges(now).get(bucket));
        Map<String, OwnerOpen> perOwner = new HashMap<>();
        jdbc.query("select c.owner_id, count(*) as cases, sum(case when " + OpenFigure.OVERDUE.condition(criteria)
                + " then 1 else 0 end) as overdue\n" + OpenFigure.CASES + scope.where("c", "c.id", criteria.params())
                + " group by c.owner_id", criteria.params(), rs -> {
                    perOwner.put(rs.getString("owner_id"), new OwnerOpen(rs.getLong("cases"), rs.getLong("overdue")));
                });
        return perOwner;
    }

    @Override
    public Map<String, Oldest> oldestPerOwner(Scope scope, Instant now, Map<String, Instant> earliestOpened) {
        return oldest(scope, now, earliestOpened, "c.owner_id", "c.opened_at", "");
    }

    @Override
    public Map<String, Oldest> oldestPerTeam(Scope scope, Instant now, Map<String, Instant> earliestHandedOff) {
        return oldest(scope, now, earliestHandedOff, "h.team_id", "h.started_at",
                "join ft_hand_off h on h.case_id = c.id and h.ended_at is null");
    }

    /**
     * The tallies found each holder's earliest instant, so the database looks up only the cases opened (or handed
     * off) at those instants, by index, instead of sorting every open case (at 50,000 open cases the sort spilled to
     * disk).
     */
    private Map<String, Oldest> oldest(Scope scope, Instant now, Map<String, Instant> earliest, String holder,
            String since, String join) {
        Map<String, Oldest> oldest = new HashMap<>();
        if (earliest.isEmpty()) {
            return oldest;
        }
        Criteria criteria = Criteria.open(now, Refinement.NONE, bucket -> ages.ranges(now).get(bucket));
        String holders = criteria.bind("holders", List.copyOf(earliest.keySet()));
        String instants = criteria.bind("instants", earliest.values().stream().distinct().toList());
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("""
                select %1$s as holder, c.id, c.case_number, %2$s as since
                from ft_case c %3$s
                where %1$s in (%4$s) and %2$s in (%5$s) and c.status in (%7$s)%6$s
                """.formatted(holder, since, join, holders, instants, scope.where("c", "c.id", criteria.params()),
                        OpenFigure.OPEN_STAGES),
                criteria.params(), rs -> {
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
}
