package com.followthrough.dashboard;

import static com.followthrough.dashboard.PeriodFigure.CONFIRMED_BY_CALLBACK;

import com.followthrough.cases.ClosedAs;
import com.followthrough.dashboard.Figures.CheckIns;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.dashboard.Figures.Durations;
import com.followthrough.dashboard.Figures.Rate;
import com.followthrough.dashboard.Figures.Satisfaction;
import com.followthrough.dashboard.Figures.TeamCount;
import com.followthrough.dashboard.Figures.Trends;
import com.followthrough.dashboard.PeriodCounts.Closed;
import com.followthrough.dashboard.PeriodCounts.HandOffsEnded;
import com.followthrough.dashboard.PeriodCounts.Ratings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trends over a period ({@link PeriodFigure}): opened and closed per day, durations, rates of how cases closed,
 * satisfaction, check-ins per hand-off, escalations and broken promises per team; each with the link to its list.
 * Counted by {@link PeriodCounts}; this class turns the counts into rates and words.
 */
@Service
@Transactional(readOnly = true)
class TrendFigures {

    private final PeriodCounts counts;
    private final Clock clock;
    private final Ages ages;
    private final DashboardWords words;

    TrendFigures(PeriodCounts counts, Clock clock, Ages ages, DashboardWords words) {
        this.counts = counts;
        this.clock = clock;
        this.ages = ages;
        this.words = words;
    }

    public Trends trends(int days, Scope scope) {
        Period period = Period.of(days, clock.instant(), ages.zone());
        String p = period.link();
        List<Long> openedPerDay = counts.openedPerDay(period, scope);
        List<Long> closedPerDay = counts.closedPerDay(period, scope);
        Closed closed = counts.closed(period, scope);
        long firstContact = closed.ways().of(ClosedAs.CONFIRMED_ON_FIRST_CONTACT);
        Ratings ratings = counts.ratings(period, scope);
        HandOffsEnded handOffs = counts.handOffsEnded(period, scope);
        return new Trends(days, period.from(), period.to(), ages.basis().name().toLowerCase(), ages.label(),
                period.dates(), openedPerDay, closedPerDay,
                new Count(openedPerDay.stream().mapToLong(Long::longValue).sum(), link(PeriodFigure.OPENED, scope, p)),
                new Count(closed.count(), link(PeriodFigure.CLOSED, scope, p)),
                Durations.of(closed.resolution(), words.durations(ages.basis()), link(PeriodFigure.CLOSED, scope, p)),
                Durations.of(closed.toCallback(), words.durations(ages.basis()),
                        link(PeriodFigure.CALLED_BACK, scope, p)),
                Rate.of(firstContact, closed.count(),
                        closedAs(scope, p, Set.of(ClosedAs.CONFIRMED_ON_FIRST_CONTACT))),
                Rate.of(closed.ways().of(CONFIRMED_BY_CALLBACK), closed.count() - firstContact,
                        closedAs(scope, p, CONFIRMED_BY_CALLBACK)),
                Rate.of(closed.reopened(), closed.count(), link(PeriodFigure.REOPENED, scope, p)),
                Rate.of(closed.ways().of(ClosedAs.UNREACHABLE), closed.count(),
                        closedAs(scope, p, Set.of(ClosedAs.UNREACHABLE))),
                new Satisfaction(ratings.count(), ratings.count() == 0 ? null
                        : (double) ratings.total() / ratings.count(), link(PeriodFigure.RATED, scope, p)),
                new CheckIns(handOffs.count(), handOffs.checkIns(),
                        handOffs.count() == 0 ? null : (double) handOffs.checkIns() / handOffs.count(),
                        link(PeriodFigure.HAND_OFFS_ENDED, scope, p)),
                escalationsPerTeam(period, scope), brokenPromisesPerTeam(period, scope));
    }

    /** The cases closed in the period in these ways (their list is the "closed" figure's, narrowed). */
    static String closedAs(Scope scope, String period, Set<ClosedAs> ways) {
        return link(PeriodFigure.CLOSED, scope, period + Links.param("closedAs", ways));
    }

    /** Stalled hand-offs per team, then the owner's own late steps, a row each when there are any. */
    private List<TeamCount> escalationsPerTeam(Period period, Scope scope) {
        List<TeamCount> rows = new ArrayList<>(perTeam(counts.escalatedHandOffs(period, scope), PeriodFigure.ESCALATED,
                "escalatedTeam", period, scope));
        counts.ownerEscalations(period, scope).forEach((own, escalated) -> rows.add(new TeamCount(own.row, escalated,
                link(PeriodFigure.ESCALATED, scope, period.link() + Links.param("escalatedTeam", own.row)))));
        return rows;
    }

    private List<TeamCount> brokenPromisesPerTeam(Period period, Scope scope) {
        return perTeam(counts.brokenPromises(period, scope), PeriodFigure.BROKEN_PROMISES, "promiseTeam", period,
                scope);
    }

    private static List<TeamCount> perTeam(Map<String, Long> perTeam, PeriodFigure figure, String parameter,
            Period period, Scope scope) {
        return perTeam.entrySet().stream().map(team -> new TeamCount(team.getKey(), team.getValue(),
                link(figure, scope, period.link() + Links.param(parameter, team.getKey())))).toList();
    }

    private static String link(PeriodFigure figure, Scope scope, String more) {
        return Links.cases(figure, scope, more);
    }
}
