package com.followthrough.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A figure of the dashboard and the list of cases behind it: its id in links ({@code /api/dashboard/cases?figure=…}),
 * what its list is called, and its condition, the SQL that selects its cases. The condition is the figure's
 * definition: the list shows the cases it selects, and whatever counts the figure (the database when asked today, a
 * roll-up kept by each step later) counts those cases ({@code DashboardScenarioIntegrationTests} follows every figure
 * to its list). The "now" figures are {@link OpenFigure}s, those of a period {@link PeriodFigure}s.
 */
sealed interface Figure permits OpenFigure, PeriodFigure {

    /** The figure's id in links and in the CSV's file name. */
    String id();

    /** What the list behind the figure is, as its page's heading says it. */
    String label();

    /**
     * The SQL condition on the figure's cases ({@link OpenFigure#CASES} or {@link PeriodFigure#CASES}), narrowed by the
     * request's refinement and binding what it uses in {@code criteria}; empty when every case of the statement counts.
     */
    String condition(Criteria criteria);

    /** Every figure, "now" first, in the order the API's error message names them. */
    static List<Figure> all() {
        return Stream.concat(Stream.of(OpenFigure.values()), Stream.of(PeriodFigure.values())).map(Figure.class::cast)
                .toList();
    }

    static Optional<Figure> byId(String id) {
        return all().stream().filter(figure -> figure.id().equals(id)).findFirst();
    }

    static List<String> ids() {
        return all().stream().map(Figure::id).toList();
    }
}
