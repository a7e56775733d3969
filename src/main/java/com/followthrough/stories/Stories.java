package com.followthrough.stories;

import com.followthrough.security.NotAllowedException;
import com.followthrough.cases.InvalidCaseInputException;
import com.followthrough.policy.CsvWords;
import com.followthrough.policy.DurationWords;
import com.followthrough.policy.TimeBasis;
import com.followthrough.policy.WorkCalendar;
import com.followthrough.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stories, as everyone signed in reads them, and what supervisors and owners do with them: supervisors feature or
 * hide a story (and undo either), the story's owner or a supervisor withdraws it for good. Only stories whose customer
 * agreed to share their words exist at all ({@link ClosedCases}); a withdrawn story is gone for everyone, a hidden one
 * for everyone but supervisors.
 */
@Service
@Transactional(readOnly = true)
public class Stories {

    /** The periods a list can be narrowed to, in days: the day (period - 1) days ago until now. */
    public static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    public static final int MAX_PAGE_SIZE = 100;
    private static final int CSV_MAX = 10_000;

    private static final Set<StoryState> PUBLIC = EnumSet.of(StoryState.SHOWN, StoryState.FEATURED);
    private static final Set<StoryState> FOR_SUPERVISORS = EnumSet.of(StoryState.SHOWN, StoryState.FEATURED,
            StoryState.HIDDEN);

    private final StoryStore store;
    private final StoryViews views;
    private final People people;
    private final StoriesProperties properties;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final DurationWords durations;

    Stories(StoryStore store, StoryViews views, People people, StoriesProperties properties, WorkCalendar calendar,
            Clock clock, DurationWords durations) {
        this.durations = durations;
        this.store = store;
        this.views = views;
        this.people = people;
        this.properties = properties;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * One page of the stories the caller may read, featured first, then the latest.
     *
     * @param text   searched in the customer's words and the before → after; a case number or a person's id finds
     * theirs
     * @param team   stories of cases handed off to the team, or by name to one of its members
     * @param period days (one of {@link #PERIODS}), or null for all time
     */
    public StoryPage list(Caller caller, String text, String team, Integer period, int page, int size) {
        if (page < 0 || page > 100_000) {
            throw invalid("page", "must be between 0 and 100000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        StoryStore.Filter filter = new StoryStore.Filter(mayModerate(caller) ? FOR_SUPERVISORS : PUBLIC,
                searchText(text), team(team), team(team) == null ? List.of() : people.membersOf(team.strip()),
                periodStart(period), null);
        long total = store.count(filter);
        return new StoryPage(views.of(store.list(filter, page, size)), page, size, total, (total + size - 1) / size);
    }

    /** The same stories as {@link #list}, all pages (at most 10,000), as the API's CSV. */
    public String csv(Caller caller, String text, String team, Integer period) {
        return StoryCsv.of(all(caller, text, team, period));
    }

    /** The same CSV as the stories page downloads it: in the reader's words, language and time zone. */
    public String csv(Caller caller, String text, String team, Integer period, CsvWords.Reader reader) {
        return StoryCsv.worded(all(caller, text, team, period), reader,
                seconds -> durations.of(Duration.ofSeconds(seconds), properties.timeBasis()));
    }

    private List<Story> all(Caller caller, String text, String team, Integer period) {
        List<Story> all = new ArrayList<>();
        for (int page = 0; all.size() < CSV_MAX; page++) {
            StoryPage one = list(caller, text, team, period, page, MAX_PAGE_SIZE);
            all.addAll(one.items());
            if (page + 1 >= one.totalPages()) {
                break;
            }
        }
        return all;
    }

    public Story get(String caseNumber, Caller caller) {
        return views.of(readable(caseNumber, caller));
    }

    /** Supervisors feature and hide stories, and undo either. */
    public boolean mayModerate(Caller caller) {
        return caller.isSupervisor();
    }

    /** The story's owner or a supervisor withdraws it. */
    public boolean mayWithdraw(Story story, Caller caller) {
        return caller.isSupervisor() || caller.id().equals(story.owner());
    }

    @Transactional
    public Story feature(String caseNumber, Caller caller) {
        return moderate(caseNumber, caller, "feature", EnumSet.of(StoryState.SHOWN, StoryState.HIDDEN),
                StoryState.FEATURED);
    }

    @Transactional
    public Story unfeature(String caseNumber, Caller caller) {
        return moderate(caseNumber, caller, "stop featuring", EnumSet.of(StoryState.FEATURED), StoryState.SHOWN);
    }

    @Transactional
    public Story hide(String caseNumber, Caller caller) {
        return moderate(caseNumber, caller, "hide", EnumSet.of(StoryState.SHOWN, StoryState.FEATURED),
                StoryState.HIDDEN);
    }

    @Transactional
    public Story show(String caseNumber, Caller caller) {
        return moderate(caseNumber, caller, "show again", EnumSet.of(StoryState.HIDDEN), StoryState.SHOWN);
    }

    /** Withdrawn for good: the story is gone for everyone and its words are removed (they stay on the case only). */
    @Transactional
    public void withdraw(String caseNumber, Caller caller) {
        StoryStore.Row row = readable(caseNumber, caller);
        if (!caller.isSupervisor() && !caller.id().equals(row.owner())) {
            throw new NotAllowedException("Only the story's owner (" + row.owner() + ") or a supervisor may withdraw it",
                    "problem.forbidden.story.withdraw", row.owner());
        }
        store.move(row.caseId(), FOR_SUPERVISORS, StoryState.WITHDRAWN, caller.id(), clock.instant());
    }

    /** Stories featured from {@code from} until {@code to} and featured still, the latest first. */
    List<Story> featuredBetween(Instant from, Instant to, int limit) {
        StoryStore.Filter filter = new StoryStore.Filter(EnumSet.of(StoryState.FEATURED), null, null, List.of(), null,
                from);
        return views.of(store.list(filter, 0, Math.max(limit, 1)).stream()
                .filter(row -> row.featuredAt().isBefore(to)).limit(limit).toList());
    }

    // ---

    /** A change only from the states in {@code from}; asked again of a story already there, it changes nothing. */
    private Story moderate(String caseNumber, Caller caller, String action, Set<StoryState> from, StoryState to) {
        StoryStore.Row row = readable(caseNumber, caller);
        if (!mayModerate(caller)) {
            throw new NotAllowedException("Only supervisors may " + action + " a story", "problem.forbidden.story.moderate");
        }
        if (row.state() != to) {
            store.move(row.caseId(), from, to, caller.id(), clock.instant());
        }
        return get(caseNumber, caller);
    }

    private StoryStore.Row readable(String caseNumber, Caller caller) {
        return store.find(caseNumber)
                .filter(row -> row.state().isPublic() || row.state() == StoryState.HIDDEN && mayModerate(caller))
                .orElseThrow(() -> new StoryNotFoundException(caseNumber));
    }

    /** How a story's "call to confirmed" counts, for a page that writes {@link Story.Numbers} in its reader's words. */
    public TimeBasis timeBasis() {
        return properties.timeBasis();
    }

    private Instant periodStart(Integer period) {
        if (period == null) {
            return null;
        }
        if (!PERIODS.contains(period)) {
            throw invalid("period", "must be one of " + PERIODS + " (days), or left out for all time")
                    .words("problem.input.period", PERIODS.toString());
        }
        LocalDate first = clock.instant().atZone(calendar.zone()).toLocalDate().minusDays(period - 1L);
        return first.atStartOfDay(calendar.zone()).toInstant();
    }

    private String team(String team) {
        if (team == null || team.isBlank()) {
            return null;
        }
        if (!people.isTeam(team.strip())) {
            throw invalid("team", "no team '" + team.strip() + "' exists").words("problem.input.noTeam", team.strip());
        }
        return team.strip();
    }

    private static String searchText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > 200) {
            throw invalid("q", "must be at most 200 characters").words("problem.input.tooLong", 200);
        }
        if (text.indexOf('\0') >= 0) {
            throw invalid("q", "must not contain the NUL character (U+0000)").words("problem.input.nul");
        }
        return text.strip().toLowerCase();
    }

    private static InvalidCaseInputException invalid(String field, String message) {
        return new InvalidCaseInputException(field, message, "The request has invalid parameters");
    }
}
