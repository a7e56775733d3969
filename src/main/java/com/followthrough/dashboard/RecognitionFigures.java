package com.followthrough.dashboard;

import com.followthrough.cases.Directory;
import com.followthrough.dashboard.Figures.Count;
import com.followthrough.stories.Recognition;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recognition per person over the period (README "Stories and recognition"): confirmations by callback, thanks
 * received, featured stories, and hand-offs they resolved that were verified effective the first time; counted by
 * {@code stories.Recognition} from the stories module's tables, each by the index on its time. The team filter keeps
 * the team's members, the owner filter that person; the priority filter does not apply (the figures are a person's).
 */
@Service
@Transactional(readOnly = true)
class RecognitionFigures {

    /** The figures of the period; {@code confirmations} links to each person's cases confirmed by callback. */
    record Recognized(String person, String name, Count confirmationsByCallback, long thanksReceived,
            long featuredStories, long fixesEffectiveFirstTime) {
    }

    record Recognitions(int period, Instant from, Instant to, List<Recognized> people) {
    }

    private final Recognition recognition;
    private final Directory directory;
    private final Clock clock;
    private final Ages ages;

    RecognitionFigures(Recognition recognition, Directory directory, Clock clock, Ages ages) {
        this.recognition = recognition;
        this.directory = directory;
        this.clock = clock;
        this.ages = ages;
    }

    Recognitions recognition(int days, Scope scope) {
        Period period = Period.of(days, clock.instant(), ages.zone());
        List<String> people = scope.owner() != null ? List.of(scope.owner())
                : scope.team() != null ? directory.membersOf(scope.team()) : null;
        // the period ends now, inclusive; the counts' ranges end before their end
        List<Recognized> figures = recognition.between(period.from(), period.to().plusNanos(1_000), people).stream()
                .map(person -> new Recognized(person.person(), person.name(),
                        new Count(person.confirmationsByCallback(), TrendFigures.closedAs(
                                new Scope(null, person.person(), null), period.link(),
                                PeriodFigure.CONFIRMED_BY_CALLBACK)),
                        person.thanksReceived(), person.featuredStories(), person.fixesEffectiveFirstTime()))
                .toList();
        return new Recognitions(days, period.from(), period.to(), figures);
    }
}
