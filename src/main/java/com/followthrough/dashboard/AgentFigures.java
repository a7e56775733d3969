package com.followthrough.dashboard;

import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.Agent;
import com.followthrough.dashboard.Figures.Agents;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.dashboard.Figures.Durations;
import com.followthrough.dashboard.Figures.Rate;
import com.followthrough.dashboard.OpenCaseCounts.OwnerOpen;
import com.followthrough.dashboard.PeriodCounts.OwnerClosed;
import com.followthrough.dashboard.PeriodCounts.Percentiles;
import com.followthrough.dashboard.PeriodCounts.Ways;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per agent: owned open cases and overdue items now ({@link OpenCaseCounts}), cases closed in the period, the median
 * time to close and the confirmation rate ({@link PeriodCounts}); every agent with either.
 */
@Service
@Transactional(readOnly = true)
class AgentFigures {

    private static final OwnerClosed NONE = new OwnerClosed(0, new Ways(Map.of()), Percentiles.NONE);
    private static final OwnerOpen NO_OPEN = new OwnerOpen(0, 0);

    private final OpenCaseCounts open;
    private final PeriodCounts closed;
    private final Clock clock;
    private final Ages ages;
    private final DashboardWords words;

    AgentFigures(OpenCaseCounts open, PeriodCounts closed, Clock clock, Ages ages, DashboardWords words) {
        this.open = open;
        this.closed = closed;
        this.clock = clock;
        this.ages = ages;
        this.words = words;
    }

    public Agents agents(int days, Scope scope) {
        Instant now = clock.instant();
        Period period = Period.of(days, now, ages.zone());
        Map<String, OwnerOpen> openByOwner = open.perOwner(scope, now);
        Map<String, OwnerClosed> closedByOwner = closed.closedPerOwner(period, scope);
        SortedSet<String> agents = new TreeSet<>(openByOwner.keySet());
        agents.addAll(closedByOwner.keySet());
        List<Agent> result = agents.stream().map(agent -> {
            Scope own = scope.withOwner(agent);
            OwnerClosed closedOwn = closedByOwner.getOrDefault(agent, NONE);
            OwnerOpen owned = openByOwner.getOrDefault(agent, NO_OPEN);
            String p = period.link();
            return new Agent(agent,
                    new Count(owned.cases(), Links.cases(OpenFigure.OPEN, own, null)),
                    new Count(owned.overdue(), Links.cases(OpenFigure.OVERDUE, own, null)),
                    new Count(closedOwn.count(), Links.cases(PeriodFigure.CLOSED, own, p)),
                    Durations.of(closedOwn.toClose(), words.durations(ages.basis()),
                            Links.cases(PeriodFigure.CLOSED, own, p)),
                    Rate.of(closedOwn.ways().of(PeriodFigure.CONFIRMED_BY_CALLBACK),
                            closedOwn.count() - closedOwn.ways().of(ClosedAs.CONFIRMED_ON_FIRST_CONTACT),
                            TrendFigures.closedAs(own, p, PeriodFigure.CONFIRMED_BY_CALLBACK)));
        }).toList();
        return new Agents(days, period.from(), period.to(), ages.basis().name().toLowerCase(), result);
    }
}
