package com.followthrough.dashboard;

import com.followthrough.dashboard.Figures.TeamCount;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Broken promises per team: a colleague promised something at a check-in ("refund goes out Thursday") and the time
 * passed with the hand-off still open ({@code ft_promise.broken_at}, index {@code ft_promise_broken_ix}). Counted per
 * team of the hand-off in the period, promises of named colleagues as {@link Wording#COLLEAGUES}; the figure's count and
 * its list share one condition.
 */
@Component
class BrokenPromises {

    static final String FIGURE = "broken-promises";

    private final NamedParameterJdbcTemplate jdbc;

    BrokenPromises(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per team, promises broken in the period (the period's bounds {@code :from}, {@code :to} in {@code params}). */
    List<TeamCount> perTeam(int days, Scope scope, Map<String, Object> params) {
        return jdbc.query("""
                select coalesce(h.team_id, '') as team, count(*) as broken
                from ft_promise p join ft_hand_off h on h.id = p.hand_off_id%s
                where p.broken_at >= :from and p.broken_at <= :to
                """.formatted(scope.joinCase("p.case_id")) + scope.where("c", "c.id", params)
                + " group by coalesce(h.team_id, '') order by 1", params, (rs, row) -> {
                    String team = rs.getString("team");
                    String name = team.isEmpty() ? Wording.COLLEAGUES : team;
                    return new TeamCount(name, rs.getLong("broken"), Links.cases(FIGURE, scope,
                            "&period=" + days + "&promiseTeam=" + Links.encode(name)));
                });
    }

    /** The cases with a promise broken in the period (by one team, or by named colleagues), for the list. */
    static String condition(String team, Map<String, Object> params) {
        String teamCondition = "";
        if (Wording.COLLEAGUES.equals(team)) {
            teamCondition = " and ph.team_id is null";
        } else if (team != null) {
            teamCondition = " and ph.team_id = :promiseTeam";
            params.put("promiseTeam", team);
        }
        return "c.id in (select p.case_id from ft_promise p join ft_hand_off ph on ph.id = p.hand_off_id"
                + " where p.broken_at >= :from and p.broken_at <= :to" + teamCondition + ")";
    }
}
