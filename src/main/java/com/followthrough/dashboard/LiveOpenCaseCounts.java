package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;

import com.followthrough.cases.CaseStatus;
import com.followthrough.dashboard.ListRequest.Refinement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The "now" figures counted by the database when asked: one aggregate over the open cases (index
 * {@code ft_case_status_ix}) with their open hand-off ({@code ft_hand_off_case_ix}) per stage, owner and team, summing
 * each figure's own condition, so a figure and its list cannot disagree; the application never reads the cases
 * themselves for a figure.
 */
@Component
class LiveOpenCaseCounts implements OpenCaseCounts {

    private final NamedParameterJdbcTemplate jdbc;
    private final Ages ages;

    LiveOpenCaseCounts(NamedParameterJdbcTemplate jdbc, Ages ages) {
        this.jdbc = jdbc;
        this.ages = ages;
    }

    @Override
    public List<Tally> tallies(Scope scope, Instant now) {
        Map<Ages.Bucket, Ages.Range> ranges = ages.ranges(now);
        Criteria criteria = Criteria.open(now, Refinement.NONE, ranges::get);
        StringBuilder columns = new StringBuilder();
        for (OpenFigure figure : OpenFigure.summedFigures()) {
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
            Map<OpenFigure, Long> figures = new EnumMap<>(OpenFigure.class);
            for (OpenFigure figure : OpenFigure.summedFigures()) {
                figures.put(figure, rs.getLong("figure_" + figure.ordinal()));
            }
            Map<Ages.Bucket, Long> aged = new EnumMap<>(Ages.Bucket.class);
            for (Ages.Bucket bucket : Ages.Bucket.values()) {
                aged.put(bucket, rs.getLong("aged_" + bucket.ordinal()));
            }
            return new Tally(CaseStatus.valueOf(rs.getString("status")), rs.getString("owner_id"),
                    rs.getString("team_id"), rs.getLong("cases"), figures, aged, read(rs, "first_opened"),
                    read(rs, "first_handed_off"));
        });
    }

    @Override
    public Map<String, OwnerOpen> perOwner(Scope scope, Instant now) {
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
                where %1$s in (%4$s) and %2$s in (%5$s) and c.status in (:open)%6$s
                """.formatted(holder, since, join, holders, instants, scope.where("c", "c.id", criteria.params())),
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
