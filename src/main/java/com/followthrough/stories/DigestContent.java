package com.followthrough.stories;

import static com.followthrough.stories.Sql.utc;

import com.followthrough.outreach.OutreachFigures;
import com.followthrough.outreach.OutreachFigures.Figure;
import com.followthrough.policy.DurationWords;
import com.followthrough.policy.TimeBasis;
import com.followthrough.stories.WeeklyDigest.OutreachProgress;
import com.followthrough.stories.WeeklyDigest.OwnWeek;
import com.followthrough.stories.WeeklyDigest.WeekInNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a person's weekly digest says, computed from the stories module's tables: the closed cases of the week
 * ({@code ft_story_closed}, a range of its {@code closed_at} index), the hand-offs ({@code ft_story_hand_off}), the
 * featured stories and the thanks. The same for the mail and the preview page.
 */
@Component
class DigestContent {

    private final JdbcClient jdbc;
    private final DigestWeek weeks;
    private final Stories stories;
    private final Thanks thanks;
    private final People people;
    private final StoriesProperties properties;
    private final OutreachFigures outreaches;

    private final DurationWords durations;

    DigestContent(JdbcClient jdbc, DigestWeek weeks, Stories stories, Thanks thanks, People people,
            StoriesProperties properties, OutreachFigures outreaches, DurationWords durations) {
        this.durations = durations;
        this.outreaches = outreaches;
        this.jdbc = jdbc;
        this.weeks = weeks;
        this.stories = stories;
        this.thanks = thanks;
        this.people = people;
        this.properties = properties;
    }

    /**
     * The digest of the week of {@code weekOf} for {@code person}, as of {@code until} (the week's end, or now for a
     * preview of the week still running).
     *
     * @param supervisor whether the person is a supervisor: they get every team's numbers, others their own teams'
     */
    WeeklyDigest of(String person, boolean supervisor, LocalDate weekOf, Instant until) {
        Instant from = weeks.start(weekOf);
        Instant to = until.isBefore(weeks.end(weekOf)) ? until : weeks.end(weekOf);
        List<WeekInNumbers> numbers = new ArrayList<>();
        numbers.add(numbers(null, from, to));
        for (String team : supervisor ? people.teams() : people.teams(person)) {
            numbers.add(numbers(team, from, to));
        }
        StoriesProperties.Digest digest = properties.digest();
        return new WeeklyDigest(person, people.name(person), weekOf, from, to, properties.timeBasis().name()
                .toLowerCase(), numbers, stories.featuredBetween(from, to, digest.stories()),
                thanks.givenBetween(from, to, digest.thanks()), own(person, from, to), outreaches(person, supervisor));
    }

    /**
     * The launched outreaches' progress now: every one for a supervisor; for others those with a case owned by them
     * or by someone of their teams (the agents a team's outreach assigns its cases to).
     */
    List<OutreachProgress> outreaches(String person, boolean supervisor) {
        Set<String> near = new HashSet<>(Set.of(person));
        if (!supervisor) {
            people.teams(person).forEach(team -> near.addAll(people.membersOf(team)));
        }
        return outreaches.active().stream()
                .filter(o -> supervisor || o.perAgent().stream().anyMatch(share -> near.contains(share.agent())))
                .map(o -> new OutreachProgress(o.title(), o.counts().get(Figure.CUSTOMERS),
                        o.counts().get(Figure.CONTACTED),
                        o.counts().get(Figure.CONFIRMED_BY_CALL) + o.counts().get(Figure.CONFIRMED_BY_ANSWER),
                        o.counts().get(Figure.STILL_A_PROBLEM), o.counts().get(Figure.OPEN)))
                .toList();
    }

    /** The week in numbers of all cases (team null) or of a team's. */
    WeekInNumbers numbers(String team, Instant from, Instant to) {
        String seconds = properties.timeBasis() == TimeBasis.BUSINESS ? "to_close_business_s" : "to_close_calendar_s";
        String ofTeam = team == null ? "" : " and c.case_id in (select h.case_id from ft_story_hand_off h"
                + " where h.team_id = :team or h.colleague_id in (:members))";
        Map<String, Object> params = team == null ? Map.of("from", utc(from), "to", utc(to))
                : Map.of("from", utc(from), "to", utc(to), "team", team, "members", members(team));
        record Row(long confirmed, long afterCallback, Double median, Double satisfaction, long ratings) {
        }
        Row row = jdbc.sql("""
                select
                  sum(case when c.closed_as in ('CONFIRMED_BY_CALLBACK', 'CONFIRMED_WITH_LINKED_CASE') then 1 else 0 end)
                    as confirmed,
                  sum(case when c.closed_as <> 'CONFIRMED_ON_FIRST_CONTACT' then 1 else 0 end) as after_callback,
                  percentile_cont(0.5) within group (order by case when c.closed_as in ('CONFIRMED_BY_CALLBACK',
                    'CONFIRMED_WITH_LINKED_CASE') then c.%s end) as median,
                  avg(cast(c.satisfaction as double precision)) as satisfaction,
                  count(c.satisfaction) as ratings
                from ft_story_closed c
                where c.closed_at >= :from and c.closed_at < :to%s
                """.formatted(seconds, ofTeam)).params(params)
                .query((rs, n) -> new Row(rs.getLong("confirmed"), rs.getLong("after_callback"),
                        rs.getObject("median", Double.class), rs.getObject("satisfaction", Double.class),
                        rs.getLong("ratings")))
                .single();
        Long median = row.median() == null ? null : Math.round(row.median());
        return new WeekInNumbers(team, team == null ? "All cases" : "Team " + team, row.confirmed(),
                row.afterCallback(), row.afterCallback() == 0 ? null : (double) row.confirmed() / row.afterCallback(),
                median, median == null ? null : StoryViews.english(median, properties.timeBasis(), durations),
                row.satisfaction() == null ? null : Math.round(row.satisfaction() * 10) / 10.0, row.ratings());
    }

    private OwnWeek own(String person, Instant from, Instant to) {
        long closed = jdbc.sql("""
                select count(*) from ft_story_closed where owner_id = ? and closed_at >= ? and closed_at < ?
                """).params(person, utc(from), utc(to)).query(Long.class).single();
        record Helped(long handOffs, long colleagues) {
        }
        Helped helped = jdbc.sql("""
                select count(*) as hand_offs, count(distinct owner_id) as colleagues from ft_story_hand_off
                where ended_by = ? and ended_at >= ? and ended_at < ? and ended_as = 'RESOLVED' and owner_id <> ?
                """).params(person, utc(from), utc(to), person)
                .query((rs, n) -> new Helped(rs.getLong("hand_offs"), rs.getLong("colleagues"))).single();
        return new OwnWeek(closed, helped.handOffs(), helped.colleagues(), thanks.receivedBetween(person, from, to));
    }

    /** A team's members, or one id no user has (an empty {@code in ()} is not SQL). */
    private List<String> members(String team) {
        List<String> members = people.membersOf(team);
        return members.isEmpty() ? List.of("") : members;
    }
}
