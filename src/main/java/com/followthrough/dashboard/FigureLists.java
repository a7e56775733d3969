package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.dashboard.Figures.CaseList;
import com.followthrough.policy.Priority;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases behind a figure, a page at a time in opening order: selected by the figure's own condition
 * ({@link Figure#condition}), counted and paged by the database.
 */
@Service
@Transactional(readOnly = true)
class FigureLists {

    private static final String OPEN_COLUMNS = """
            select c.case_number, c.customer_name, c.priority, c.summary, c.owner_id, c.status, c.opened_at,
                c.status_since, c.follow_up_due_at, cast(null as varchar(40)) as closed_as,
                cast(null as timestamp with time zone) as closed_at, h.colleague_id, h.team_id
            """;
    private static final String COLUMNS = """
            select c.case_number, c.customer_name, c.priority, c.summary, c.owner_id, c.status, c.opened_at,
                c.status_since, c.follow_up_due_at, c.closed_as, c.closed_at, h.colleague_id, h.team_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Ages ages;

    FigureLists(NamedParameterJdbcTemplate jdbc, Clock clock, Ages ages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ages = ages;
    }

    CaseList list(ListRequest request) {
        Instant now = clock.instant();
        if (request.figure() instanceof OpenFigure) {
            Criteria criteria = Criteria.open(now, request.refinement(), bucket -> ages.ranges(now).get(bucket));
            String condition = request.figure().condition(criteria);
            return page(request, OPEN_COLUMNS, OpenFigure.CASES + (condition.isEmpty() ? "" : " and " + condition)
                    + request.scope().where("c", "c.id", criteria.params()), criteria, now);
        }
        Period period = Period.of(request.period(), now, ages.zone());
        if (request.refinement().day() != null) {
            period = period.day(request.refinement().day());
        }
        Criteria criteria = Criteria.period(period.from(), period.to(), request.refinement());
        return page(request, COLUMNS, PeriodFigure.CASES + request.figure().condition(criteria)
                + request.scope().where("c", "c.id", criteria.params()), criteria, now);
    }

    /** One page of cases in opening order, and how many there are in all. */
    private CaseList page(ListRequest request, String columns, String from, Criteria criteria, Instant now) {
        Long total = jdbc.queryForObject("select count(*) " + from, criteria.params(), Long.class);
        String offset = criteria.bind("offset", (long) request.page() * request.size());
        String size = criteria.bind("size", request.size());
        List<CaseLine> lines = jdbc.query(columns + from + " order by c.opened_at, c.id offset " + offset
                + " rows fetch next " + size + " rows only", criteria.params(), (rs, row) -> line(rs, now));
        long all = total == null ? 0 : total;
        return new CaseList(request.figure().id(), request.figure().label(), ages.basis().name().toLowerCase(), lines,
                request.page(), request.size(), all, (all + request.size() - 1) / request.size());
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
}
