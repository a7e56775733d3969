package com.followthrough.dashboard;

import com.followthrough.cases.CaseStatus;
import com.followthrough.cases.ClosedAs;
import java.time.LocalDate;
import java.util.List;

/**
 * What a list behind a figure asks for ({@link DashboardRequests#list}): the figure, the scope, the period (for the
 * figures of a period), how the request narrows the figure, and the page.
 */
record ListRequest(Figure figure, Scope scope, int period, Refinement refinement, int page, int size) {

    /** Narrower than the figure: one stage, one aging bucket, one team, one day, some ways of closing; null: all. */
    record Refinement(CaseStatus stage, Ages.Bucket bucket, String handedOffTo, LocalDate day, List<ClosedAs> closedAs,
            String escalatedTeam, String promiseTeam) {

        static final Refinement NONE = new Refinement(null, null, null, null, List.of(), null, null);
    }

    /** The same list, every case on one page (the CSV). */
    ListRequest everything() {
        return new ListRequest(figure, scope, period, refinement, 0, Integer.MAX_VALUE);
    }
}
