package com.followthrough.stories;

import com.followthrough.policy.DurationWords;
import com.followthrough.policy.TimeBasis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Stored story rows as the {@link Story} everyone reads: the people who worked the case by name and role, the thanks
 * they were given, and "call to confirmed" in the configured time basis. Two reads per list (people, thanks), whatever
 * its length.
 */
@Component
class StoryViews {

    private final StoryStore store;
    private final Thanks thanks;
    private final People people;
    private final StoriesProperties properties;
    private final DurationWords durations;

    StoryViews(StoryStore store, Thanks thanks, People people, StoriesProperties properties,
            DurationWords durations) {
        this.store = store;
        this.thanks = thanks;
        this.people = people;
        this.properties = properties;
        this.durations = durations;
    }

    Story of(StoryStore.Row row) {
        return of(List.of(row)).get(0);
    }

    List<Story> of(List<StoryStore.Row> rows) {
        Map<Long, List<StoryStore.Person>> byCase = store.people(rows.stream().map(StoryStore.Row::caseId).toList());
        Map<String, List<ThanksNote>> thanksByCase = thanks.onCases(rows.stream().map(StoryStore.Row::caseNumber)
                .toList());
        List<Story> stories = new ArrayList<>();
        for (StoryStore.Row row : rows) {
            List<Story.Person> who = byCase.getOrDefault(row.caseId(), List.of()).stream()
                    .map(person -> new Story.Person(person.id(), people.name(person.id()),
                            person.role().toLowerCase()))
                    .toList();
            long seconds = properties.timeBasis() == TimeBasis.BUSINESS
                    ? row.toConfirmBusinessSeconds() : row.toConfirmCalendarSeconds();
            stories.add(new Story(row.caseNumber(), row.state(), row.closedAt(), row.featuredAt(),
                    row.customerWords(), row.satisfaction(), row.before(), row.after(), who,
                    new Story.Numbers(seconds, english(seconds, properties.timeBasis(), durations), row.handOffs(),
                            row.checkIns(), row.callbackAttempts()),
                    thanksByCase.getOrDefault(row.caseNumber(), List.of())));
        }
        return stories;
    }

    /**
     * A duration in the pages' wording, in English: the API's and the mail's text ({@code callToConfirmed}, the
     * digest's median); a page writes the seconds in its reader's language itself.
     */
    static String english(long seconds, TimeBasis basis, DurationWords durations) {
        return durations.of(Duration.ofSeconds(seconds), basis, Locale.ENGLISH);
    }
}
