package com.followthrough.dashboard;

import static com.followthrough.dashboard.Sql.read;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseSummary;
import com.followthrough.dashboard.Figures.CaseLine;
import com.followthrough.dashboard.Figures.CaseList;
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

    /** The case line every list shows ({@link CaseQueries#LINE_COLUMNS}), and when it closed. */
    private static final String COLUMNS = "select " + CaseQueries.LINE_COLUMNS + ", c.closed_at ";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final Ages ages;
    private final DashboardWords words;

    FigureLists(NamedParameterJdbcTemplate jdbc, Clock clock, Ages ages, DashboardWords words) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ages = ages;
        this.words = words;
    }

    CaseList list(ListRequest request) {
        Instant now = clock.instant();
        if (request.figure() instanceof OpenFigure) {
            Criteria criteria = Criteria.open(now, request.refinement(), bucket -> ages.ranges(now).get(bucket));
            String condition = request.figure().condition(criteria);
            return page(request, COLUMNS, OpenFigure.CASES + (condition.isEmpty() ? "" : " and " + condition)
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
        criteria.bind("now", now);
        List<CaseLine> lines = jdbc.query(columns + from + " order by c.opened_at, c.id offset " + offset
                + " rows fetch next " + size + " rows only", criteria.params(), (rs, row) -> line(rs, row, now));
        long all = total == null ? 0 : total;
        return new CaseList(request.figure().id(), request.figure().label(), ages.basis().name().toLowerCase(), lines,
                request.page(), request.size(), all, (all + request.size() - 1) / request.size());
    }

    private CaseLine line(ResultSet rs, int row, Instant now) throws SQLException {
        CaseSummary kase = CaseQueries.line(rs, row);
        Instant closedAt = read(rs, "closed_at");
        Duration age = ages.between(kase.openedAt(), closedAt == null ? now : closedAt);
        return new CaseLine(kase, closedAt, age.toSeconds(), words.duration(age, ages.basis()));
    }
}
